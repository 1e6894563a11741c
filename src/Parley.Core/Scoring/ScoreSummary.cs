using System.Collections.Immutable;

namespace Parley.Core.Scoring;

/// <summary>
/// The scores of a set of forecasts (one model's, over issues or cases) summarised: mean absolute
/// error, mean CRPS over the forecasts that had a distribution, and the coverage of each interval level.
/// </summary>
public sealed record ScoreSummary
{
    /// <summary>Forecasts scored.</summary>
    public required int Count { get; init; }

    /// <summary>Mean absolute error of the point forecasts; NaN when <see cref="Count"/> is 0.</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>Forecasts that had a distribution, and so a CRPS.</summary>
    public required int CrpsCount { get; init; }

    /// <summary>Mean CRPS over those forecasts; <c>null</c> when none had one.</summary>
    public double? MeanCrps { get; init; }

    /// <summary>Per interval level, narrowest first, how many outcomes fell inside.</summary>
    public required ImmutableArray<IntervalCoverage> Coverage { get; init; }

    /// <summary>Summarises <paramref name="scores"/>.</summary>
    public static ScoreSummary Of(IReadOnlyCollection<ForecastScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var withCrps = scores.Where(s => s.Crps is not null).ToList();
        var coverage = scores
            .SelectMany(s => s.Intervals)
            .GroupBy(hit => hit.Interval.Level)
            .OrderBy(group => group.Key)
            .Select(group => new IntervalCoverage(group.Key, group.Count(hit => hit.Inside), group.Count()));
        return new ScoreSummary
        {
            Count = scores.Count,
            MeanAbsoluteError = scores.Count == 0 ? double.NaN : scores.Average(s => s.AbsoluteError),
            CrpsCount = withCrps.Count,
            MeanCrps = withCrps.Count == 0 ? null : withCrps.Average(s => s.Crps!.Value),
            Coverage = [.. coverage],
        };
    }
}
