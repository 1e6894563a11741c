using System.Collections.Immutable;
using Parley.Core.Backtesting;
using Parley.Core.Domain;

namespace Parley.Formats.Deu;

/// <summary>What reading a DEU file gave: every valid row, and every problem found in the others.</summary>
public sealed record DeuDataset
{
    /// <summary>The file as the user named it.</summary>
    public required string FileName { get; init; }

    /// <summary>The capabilities the scenarios carry.</summary>
    public required DeuCapability Capability { get; init; }

    /// <summary>Every valid issue row, in file order (rows with problems are left out and reported).</summary>
    public required ImmutableArray<DeuIssue> Rows { get; init; }

    /// <summary>Every problem, sorted by line then column; empty when the whole file is valid.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>Whether the file had no problems.</summary>
    public bool Succeeded => Diagnostics.IsEmpty;

    /// <summary>
    /// The rows as backtest cases, grouped by proposal so cross-validation keeps a proposal's
    /// issues together. <see cref="DeuCaseUnit.Issue"/>: one one-issue case per row with a known
    /// outcome. <see cref="DeuCaseUnit.Proposal"/>: one case per proposal with at least one known
    /// outcome, holding all its issues (those without an outcome take part but are not scored), so
    /// that models trading across issues (exchange models) see the whole proposal. Models that
    /// forecast each issue on its own give the same forecasts either way.
    /// </summary>
    public ImmutableArray<BacktestCase> ToBacktestCases(DeuCaseUnit unit = DeuCaseUnit.Issue) => unit == DeuCaseUnit.Issue
        ? [.. Rows.Where(r => r.Outcome is not null).Select(r => new BacktestCase(r.IssueId, r.Scenario, r.ProposalNumber))]
        : [.. Rows.GroupBy(r => r.ProposalNumber, StringComparer.Ordinal)
            .Where(g => g.Any(r => r.Outcome is not null))
            .Select(g => new BacktestCase(
                g.First().ProposalId.Length > 0 ? g.First().ProposalId : g.Key,
                Merge(g.ToList(), g.First().ProposalId.Length > 0 ? g.First().ProposalId : g.Key, g.First().ProposalName.Length > 0 ? g.First().ProposalName : g.Key, g.First().Scenario.Description),
                g.Key))];

    /// <summary>
    /// One scenario holding the issues of <paramref name="rows"/>: actors in order of first
    /// appearance, each stance carrying its row's capability (capabilities may differ by row),
    /// each actor its capability when all rows agree on it.
    /// </summary>
    public static Scenario Merge(IReadOnlyList<DeuIssue> rows, string id, string title, string? description)
    {
        // An actor keeps its capability when every row gives it the same one (the rows of a
        // proposal share procedure and voting rule), so models that read only the actor's
        // capability see it; the stances carry each row's own capability in any case.
        var actors = new List<Actor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var actor in rows.SelectMany(r => r.Scenario.Actors))
        {
            if (seen.Add(actor.Id))
            {
                var capabilities = rows.SelectMany(r => r.Scenario.Actors).Where(a => a.Id == actor.Id).Select(a => a.Capability).Distinct().ToList();
                actors.Add(actor with { Capability = capabilities.Count == 1 ? capabilities[0] : null });
            }
        }

        return new Scenario
        {
            Id = id,
            Title = title,
            Date = rows.Count > 0 ? rows[0].Scenario.Date : null,
            Description = description,
            Actors = [.. actors],
            Issues = [.. rows.Select(r => r.Scenario.Issues[0])],
            Stances = [.. rows.SelectMany(r => r.Scenario.Stances.Select(s => s with { Capability = r.Scenario.CapabilityOf(s) }))],
        };
    }
}
