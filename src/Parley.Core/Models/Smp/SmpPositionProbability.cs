using System.Collections.Immutable;

namespace Parley.Core.Models.Smp;

/// <summary>A distinct position of an SMP state, the actors holding it, and its probability of prevailing.</summary>
/// <param name="Position">Coordinates, one per issue, on the issues' scales.</param>
/// <param name="Probability">Probability that it prevails in the probabilistic Condorcet election, 0–1.</param>
/// <param name="Actors">Ids of the actors at this position (within KTAB's tolerance of 0.001 on the unit scale).</param>
public sealed record SmpPositionProbability(ImmutableArray<double> Position, double Probability, ImmutableArray<string> Actors);
