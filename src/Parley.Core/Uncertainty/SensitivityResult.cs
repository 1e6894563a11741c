using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Core.Uncertainty;

/// <summary>The outcome of a sensitivity analysis: a tornado table per issue.</summary>
public sealed record SensitivityResult
{
    /// <summary>The model analysed.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>The scenario's id.</summary>
    public required string ScenarioId { get; init; }

    /// <summary>Seed of the draws.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Monte Carlo draws the rank correlations are computed from (0 when none).</summary>
    public required int Draws { get; init; }

    /// <summary>Whether the analysis was cancelled: some swings or draws are missing.</summary>
    public required bool Partial { get; init; }

    /// <summary>The default spread in force.</summary>
    public required DefaultSpread Spread { get; init; }

    /// <summary>One tornado table per forecast issue, in scenario order.</summary>
    public required ImmutableArray<IssueSensitivity> Issues { get; init; }
}
