using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>
/// A stance whose judgements are still open: the position and/or salience is <c>null</c> until the
/// analyst decides it from the candidate evidence. A scenario with any draft stance is a draft
/// (<see cref="Scenario.IsDraft"/>) and is not forecast.
/// </summary>
public sealed record DraftStance
{
    /// <summary>The <see cref="Actor.Id"/> of the actor.</summary>
    public required string ActorId { get; init; }

    /// <summary>The <see cref="Issue.Id"/> of the issue.</summary>
    public required string IssueId { get; init; }

    /// <summary>The position if the analyst has decided it, else <c>null</c>.</summary>
    public double? Position { get; init; }

    /// <summary>The salience (0–1) if the analyst has decided it, else <c>null</c>.</summary>
    public double? Salience { get; init; }

    /// <summary>Capability on this issue, overriding <see cref="Actor.Capability"/>; <c>null</c> to use the actor's.</summary>
    public double? Capability { get; init; }

    /// <summary>Evidence the analyst has accepted.</summary>
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    /// <summary>Passages proposed as evidence, best first.</summary>
    public ImmutableArray<CandidateEvidence> Candidates { get; init; } = [];

    /// <summary>A tool's proposed position (<c>kind: suggestion</c>), or <c>null</c>.</summary>
    public PositionSuggestion? Suggestion { get; init; }
}
