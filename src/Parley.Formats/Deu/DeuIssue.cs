using Parley.Core.Domain;

namespace Parley.Formats.Deu;

/// <summary>
/// One row of a DEU data set: a contested issue of an EU legislative proposal, as a one-issue
/// scenario (with its reference point as status quo and, when known, its outcome) and the
/// proposal's metadata.
/// </summary>
public sealed record DeuIssue
{
    /// <summary>The row's line in the file, from 1.</summary>
    public required int Line { get; init; }

    /// <summary>The one-issue scenario: actors with a stance, the issue with status quo and outcome.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Proposal number (<c>prnrnmc</c>): groups the issues of one proposal.</summary>
    public required string ProposalNumber { get; init; }

    /// <summary>Proposal id (<c>prnr</c>), e.g. <c>d01234</c>.</summary>
    public string ProposalId { get; init; } = string.Empty;

    /// <summary>Proposal short name (<c>prname</c>).</summary>
    public string ProposalName { get; init; } = string.Empty;

    /// <summary>Issue id (<c>isnr</c>), also the scenario's issue id.</summary>
    public required string IssueId { get; init; }

    /// <summary>Legal instrument (<c>type</c>): Reg, Dir or Dec.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Council formation (<c>council</c>).</summary>
    public string Council { get; init; } = string.Empty;

    /// <summary>Legislative procedure (<c>proc</c>): COD co-decision, CNS consultation…</summary>
    public string Procedure { get; init; } = string.Empty;

    /// <summary>Council voting rule (<c>counvte</c>): QMV or Unan.</summary>
    public string VotingRule { get; init; } = string.Empty;

    /// <summary>Date the proposal was introduced (<c>intro</c>), when readable.</summary>
    public DateOnly? Introduced { get; init; }

    /// <summary>The final act's date (<c>finact</c>) as written; not interpreted (the data mix formats).</summary>
    public string FinalAct { get; init; } = string.Empty;

    /// <summary>The reference point (<c>rp</c>) on 0–100, when recorded.</summary>
    public double? ReferencePoint => Scenario.Issues[0].StatusQuo;

    /// <summary>The outcome (<c>out</c>) on 0–100, when recorded.</summary>
    public double? Outcome => Scenario.Issues[0].Outcome;
}
