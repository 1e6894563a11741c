using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Core.Uncertainty;

/// <summary>Options of a Monte Carlo run (<see cref="MonteCarlo.Run"/>).</summary>
public sealed record MonteCarloOptions
{
    /// <summary>The most draws a run accepts.</summary>
    public const int MaxDraws = 1_000_000_000;

    /// <summary>The default number of draws.</summary>
    public const int DefaultDraws = 10_000;

    /// <summary>Number of draws, 1 to <see cref="MaxDraws"/>; default 10,000.</summary>
    public int Draws { get; init; } = DefaultDraws;

    /// <summary>Seed of the run: draw i uses the stream (Seed, i) of xoshiro256**.</summary>
    public ulong Seed { get; init; }

    /// <summary>Worker threads, 1–1024; 0 (the default) for one per processor. Never changes the result.</summary>
    public int Threads { get; init; }

    /// <summary>The model's own options; their <see cref="ModelOptions.Seed"/> is replaced per draw by a number from the draw's stream.</summary>
    public ModelOptions ModelOptions { get; init; } = ModelOptions.Default;

    /// <summary>Spread of inputs without their own range; <c>null</c> for the scenario's <see cref="Scenario.DefaultSpread"/>, else <see cref="DefaultSpread.Standard"/>.</summary>
    public DefaultSpread? Spread { get; init; }

    /// <summary>Bins of the reported histogram of each issue, 1–1000, equal widths over the scale; default 20.</summary>
    public int HistogramBins { get; init; } = 20;

    /// <summary>
    /// How many of the first draws keep their inputs and forecasts for rank correlations
    /// (sensitivity analysis); 0 (the default) keeps none. Memory grows with this number, never
    /// with <see cref="Draws"/>.
    /// </summary>
    public int CorrelationSample { get; init; }

    /// <summary>
    /// Whether each issue's distribution keeps every draw's forecast (<see cref="IssueDistribution.SortedDraws"/>),
    /// for scoring the distribution exactly (CRPS, <see cref="Scoring.ContinuousRankedProbabilityScore"/>);
    /// default <c>false</c>. Memory then grows with <see cref="Draws"/>: 8 bytes per draw and issue.
    /// </summary>
    public bool KeepDraws { get; init; }

    /// <summary>Receives the number of draws merged so far, from worker threads, after each block of draws.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Tests set this to check that the per-issue fast path equals the general path.</summary>
    internal bool AlwaysBuildScenarios { get; init; }

    /// <summary>The spread in force for <paramref name="scenario"/>.</summary>
    public DefaultSpread SpreadFor(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Spread ?? scenario.DefaultSpread ?? DefaultSpread.Standard;
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Draws, 1, nameof(Draws));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Draws, MaxDraws, nameof(Draws));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Threads, 1024, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistogramBins, 1, nameof(HistogramBins));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HistogramBins, 1000, nameof(HistogramBins));
        ArgumentOutOfRangeException.ThrowIfNegative(CorrelationSample, nameof(CorrelationSample));
        ArgumentNullException.ThrowIfNull(ModelOptions);
    }
}
