using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Core.Uncertainty;

/// <summary>
/// The outcome of a Monte Carlo run: per issue, the distribution of the forecast when the
/// scenario's inputs are drawn from their uncertainty. Depends only on the scenario, the model and
/// its options, the seed and the number of draws: never on threads or timing.
/// </summary>
public sealed record MonteCarloResult
{
    /// <summary>The model run in each draw.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>The scenario's id.</summary>
    public required string ScenarioId { get; init; }

    /// <summary>The run's seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Draws asked for.</summary>
    public required int DrawsRequested { get; init; }

    /// <summary>Draws the statistics are computed from: draws 0 to Draws − 1.</summary>
    public required int Draws { get; init; }

    /// <summary>Whether the run was cancelled before all draws: the statistics are those of the first <see cref="Draws"/> draws.</summary>
    public required bool Partial { get; init; }

    /// <summary>The default spread in force for inputs without their own range.</summary>
    public required DefaultSpread Spread { get; init; }

    /// <summary>The inputs that varied, in draw order.</summary>
    public required ImmutableArray<UncertainInput> Inputs { get; init; }

    /// <summary>One distribution per forecast issue, in scenario order; empty when no draw completed.</summary>
    public required ImmutableArray<IssueDistribution> Issues { get; init; }

    /// <summary>The spread of rounds run, for dynamic models; <c>null</c> for static models or when no draw completed.</summary>
    public RoundsDistribution? Rounds { get; init; }
}
