using System.Collections.Immutable;
using Parley.Core.Uncertainty;

namespace Parley.Core.Scoring;

/// <summary>
/// How one forecast of one issue scored against the value observed: the absolute error of the
/// point forecast and, when the forecast came with a Monte Carlo distribution, its CRPS and
/// whether the outcome fell inside each central interval.
/// </summary>
/// <remarks>See <see cref="ContinuousRankedProbabilityScore"/> for the CRPS and its estimator and
/// <see cref="CentralInterval"/> for the intervals.</remarks>
public sealed record ForecastScore
{
    /// <summary>The point forecast, on the issue's scale.</summary>
    public required double Forecast { get; init; }

    /// <summary>The value observed, on the issue's scale.</summary>
    public required double Observed { get; init; }

    /// <summary>|forecast − observed|, in points of the issue's scale.</summary>
    public required double AbsoluteError { get; init; }

    /// <summary>The CRPS of the forecast distribution, in points of the issue's scale; <c>null</c> for a point forecast without draws.</summary>
    public double? Crps { get; init; }

    /// <summary>Number of draws in the distribution; 0 for a point forecast.</summary>
    public int Draws { get; init; }

    /// <summary>Each central interval, narrowest level first, and whether the outcome fell inside; empty for a point forecast.</summary>
    public ImmutableArray<IntervalHit> Intervals { get; init; } = [];

    /// <summary>Whether the forecast had a distribution (and so a CRPS and intervals).</summary>
    public bool HasDistribution => Crps is not null;

    /// <summary>Scores a point forecast: its absolute error only.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static ForecastScore OfPointForecast(double forecast, double observed) => new()
    {
        Forecast = forecast,
        Observed = observed,
        AbsoluteError = ContinuousRankedProbabilityScore.OfPointForecast(forecast, observed),
    };

    /// <summary>
    /// Scores a point forecast with its Monte Carlo distribution: the point forecast's absolute
    /// error, the distribution's CRPS and its central intervals at <paramref name="levels"/>
    /// (default <see cref="CentralInterval.StandardLevels"/>).
    /// </summary>
    /// <param name="forecast">The point forecast (the model's forecast at the inputs' point estimates).</param>
    /// <param name="draws">The Monte Carlo forecasts, any order, finite, at least one.</param>
    /// <param name="observed">The value observed.</param>
    /// <param name="levels">Interval levels, each strictly between 0 and 1.</param>
    /// <exception cref="ArgumentException">No draws, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A level is not in (0, 1).</exception>
    public static ForecastScore OfEnsemble(double forecast, ReadOnlySpan<double> draws, double observed, IReadOnlyList<double>? levels = null)
    {
        var sorted = draws.ToArray();
        Array.Sort(sorted);
        return OfSortedEnsemble(forecast, sorted, observed, levels);
    }

    /// <summary>As <see cref="OfEnsemble"/>, for draws already in ascending order.</summary>
    /// <exception cref="ArgumentException">No draws, draws out of order, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A level is not in (0, 1).</exception>
    public static ForecastScore OfSortedEnsemble(double forecast, ReadOnlySpan<double> sorted, double observed, IReadOnlyList<double>? levels = null)
    {
        var point = OfPointForecast(forecast, observed);
        var crps = ContinuousRankedProbabilityScore.OfSortedEnsemble(sorted, observed);
        levels ??= CentralInterval.StandardLevels;
        var hits = ImmutableArray.CreateBuilder<IntervalHit>(levels.Count);
        foreach (var level in levels.Order())
        {
            var interval = CentralInterval.FromSortedEnsemble(sorted, level);
            hits.Add(new IntervalHit(interval, interval.Contains(observed)));
        }

        return point with { Crps = crps, Draws = sorted.Length, Intervals = hits.MoveToImmutable() };
    }

    /// <summary>
    /// Scores a Monte Carlo distribution run with <see cref="Uncertainty.MonteCarloOptions.KeepDraws"/>:
    /// its estimate (the forecast at the inputs' point estimates) as the point forecast, and its draws.
    /// </summary>
    /// <exception cref="ArgumentException">The distribution kept no draws, or a value is NaN or infinite.</exception>
    public static ForecastScore OfDistribution(IssueDistribution distribution, double observed, IReadOnlyList<double>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        if (distribution.SortedDraws.IsEmpty)
        {
            throw new ArgumentException($"the distribution of issue '{distribution.IssueId}' kept no draws; run the Monte Carlo with KeepDraws", nameof(distribution));
        }

        return OfSortedEnsemble(distribution.Estimate, distribution.SortedDraws.AsSpan(), observed, levels);
    }

    /// <summary>
    /// Scores a forecast whose distribution is known only by its central intervals (e.g. read back
    /// from a stored run): the absolute error and the intervals; no CRPS, which needs the draws.
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static ForecastScore OfIntervals(double forecast, IEnumerable<CentralInterval> intervals, double observed)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var point = OfPointForecast(forecast, observed);
        return point with { Intervals = [.. intervals.OrderBy(i => i.Level).Select(i => new IntervalHit(i, i.Contains(observed)))] };
    }
}
