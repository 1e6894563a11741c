using System.Collections.Immutable;

namespace Parley.Core.Models.Smp;

/// <summary>One state of an SMP run: where every actor stands and how likely its position is to prevail.</summary>
/// <param name="Turn">0 for the initial positions, then 1, 2… after each turn.</param>
/// <param name="Positions">Actor id → coordinates, one per issue, on the issues' scales.</param>
/// <param name="Probabilities">
/// Actor id → probability that its position prevails (KTAB's "winning probabilities"): actors at the
/// same position (within 0.001 of the unit scale) share one probability, so these can sum to more than 1.
/// </param>
/// <param name="UniquePositions">The distinct positions of the state and the probability of each (these sum to 1).</param>
public sealed record SmpTurnState(
    int Turn,
    ImmutableSortedDictionary<string, ImmutableArray<double>> Positions,
    ImmutableSortedDictionary<string, double> Probabilities,
    ImmutableArray<SmpPositionProbability> UniquePositions);
