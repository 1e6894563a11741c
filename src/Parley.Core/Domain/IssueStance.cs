namespace Parley.Core.Domain;

/// <summary>One actor's numbers on one issue, resolved from its stance and actor: what per-issue models compute with.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="Position">Its position on the issue's scale.</param>
/// <param name="Salience">Its salience, 0–1.</param>
/// <param name="Capability">Its capability on this issue, non-negative.</param>
public readonly record struct IssueStance(string ActorId, double Position, double Salience, double Capability)
{
    /// <summary>Capability × salience: the weight of this actor in the compromise, median and Nash models.</summary>
    public double Weight => Capability * Salience;
}
