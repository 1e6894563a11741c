using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>An actor's stance on one issue: where it stands, how much it cares, and why the analyst thinks so.</summary>
public sealed record Stance
{
    /// <summary>The <see cref="Actor.Id"/> of the actor.</summary>
    public required string ActorId { get; init; }

    /// <summary>The <see cref="Issue.Id"/> of the issue.</summary>
    public required string IssueId { get; init; }

    /// <summary>Preferred outcome on the issue's scale.</summary>
    public required double Position { get; init; }

    /// <summary>Salience: the share of attention the actor gives this issue, from 0 (none) to 1 (all).</summary>
    public required double Salience { get; init; }

    /// <summary>Capability on this issue, overriding <see cref="Actor.Capability"/>; <c>null</c> to use the actor's.</summary>
    public double? Capability { get; init; }

    /// <summary>Uncertainty about <see cref="Position"/>, on the issue's scale.</summary>
    public ValueRange? PositionRange { get; init; }

    /// <summary>Uncertainty about <see cref="Salience"/>, within 0–1.</summary>
    public ValueRange? SalienceRange { get; init; }

    /// <summary>Evidence for the position and salience.</summary>
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    /// <summary>Passages a drafting tool proposes as further evidence, best first; never read by the models.</summary>
    public ImmutableArray<CandidateEvidence> Candidates { get; init; } = [];
}
