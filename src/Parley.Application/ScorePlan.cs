using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Scoring;

namespace Parley.Application;

/// <summary>A checked score request, ready to run.</summary>
/// <param name="Scenarios">The scenarios, as loaded.</param>
/// <param name="Setup">The models and their options (the seed seeds the draws).</param>
/// <param name="Draws">Monte Carlo draws per model; 0 for point forecasts or stored forecasts.</param>
/// <param name="Threads">Worker threads; the result does not depend on it.</param>
/// <param name="Spread">The default spread asked for; <c>null</c> for each scenario's own.</param>
/// <param name="KeepDraws">Whether the result keeps every draw, to be recorded.</param>
public sealed record ScorePlan(ImmutableArray<Scenario> Scenarios, ModelSetup Setup, int Draws, int Threads, DefaultSpread? Spread, bool KeepDraws)
{
    /// <summary>The stored forecasts, already scored while checking; <c>null</c> when the forecasts are computed by <see cref="Run"/>.</summary>
    public ImmutableArray<ScenarioScoreCard>? Stored { get; init; }

    /// <summary>The draws <see cref="Run"/> reports progress towards.</summary>
    public long TotalSteps => Stored is null ? (long)Draws * Scenarios.Length * Setup.Models.Length : 0;

    /// <summary>
    /// Computes the forecasts (reporting draws done to <paramref name="progress"/>) and scores them;
    /// returns the stored forecasts' scores when the plan read them from a run.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled: a partial distribution is not scored.</exception>
    public ScoreRun Run(IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Stored is { } stored ? new ScoreRun(stored, 0) : ParleyApplication.ScoreFresh(this, progress, cancellationToken);
}
