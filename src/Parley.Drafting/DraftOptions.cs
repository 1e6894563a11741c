using System.Collections.Immutable;
using Parley.Drafting.Issues;

namespace Parley.Drafting;

/// <summary>What <see cref="Drafter"/> looks for and how much it proposes.</summary>
public sealed record DraftOptions
{
    /// <summary>The issues to look for; empty to propose issues from the built-in <see cref="IssueLexicon"/>.</summary>
    public ImmutableArray<IssueDefinition> Issues { get; init; } = [];

    /// <summary>Candidates kept per actor and issue, best first (default 5).</summary>
    public int CandidatesPerStance { get; init; } = 5;

    /// <summary>Relevance (0-1) a sentence needs to become a candidate for an issue (default 0.3).</summary>
    public double MinimumRelevance { get; init; } = 0.3;

    /// <summary>Lexicon topics proposed at most when no issues are given (default 6).</summary>
    public int MaxProposedIssues { get; init; } = 6;

    /// <summary>Propose a position (<c>kind: suggestion</c>) where an issue from the issues file has anchor sentences.</summary>
    public bool Suggest { get; init; }

    /// <summary>The scenario id of the draft; by default <c>draft-</c> and the first source's id.</summary>
    public string? ScenarioId { get; init; }
}
