using System.Collections.Immutable;

namespace Parley.Core.Models.Smp;

/// <summary>What the SMP reports beyond one number per issue: the whole history and the final positions' probabilities.</summary>
public sealed record SmpDetails : ModelDetails
{
    /// <summary>The parameters used, by KTAB's names.</summary>
    public required ImmutableSortedDictionary<string, string> Parameters { get; init; }

    /// <summary>The issue ids, in the order of every coordinate array.</summary>
    public required ImmutableArray<string> Dimensions { get; init; }

    /// <summary>Every state from the initial positions (turn 0) to the last.</summary>
    public required ImmutableArray<SmpTurnState> History { get; init; }

    /// <summary>The distinct final positions with their probabilities, most probable first.</summary>
    public required ImmutableArray<SmpPositionProbability> FinalPositions { get; init; }

    /// <summary>The most probable final position (first in <see cref="FinalPositions"/>).</summary>
    public required ImmutableArray<double> MostProbablePosition { get; init; }

    /// <summary>The probability-weighted mean of the distinct final positions: the per-issue forecast.</summary>
    public required ImmutableArray<double> ExpectedPosition { get; init; }
}
