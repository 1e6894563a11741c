using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>A party to the negotiation: a state, person, organisation or bloc.</summary>
public sealed record Actor
{
    /// <summary>Identifier that stances and stages refer to.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>What sort of party this is.</summary>
    public ActorKind Kind { get; init; } = ActorKind.State;

    /// <summary>Role or description, e.g. "Foreign Minister".</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Overall capability (power, resources, votes), non-negative, on any scale shared by the
    /// scenario's actors. A stance may override it per issue (<see cref="Stance.Capability"/>).
    /// <c>null</c> when every stance gives its own.
    /// </summary>
    public double? Capability { get; init; }

    /// <summary>Uncertainty about <see cref="Capability"/>, if the analyst gives one.</summary>
    public ValueRange? CapabilityRange { get; init; }

    /// <summary>Ids of the actors this bloc or delegation is made of (empty for a single actor).</summary>
    public ImmutableArray<string> Members { get; init; } = [];

    /// <summary>Evidence for the capability estimate.</summary>
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    /// <summary>Passages a drafting tool found that name this actor with its role or affiliation (why it was grouped as it is).</summary>
    public ImmutableArray<CandidateEvidence> Candidates { get; init; } = [];
}
