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
    /// The proposals (<c>prnrnmc</c>) in order of first row, each with all its issues in one
    /// scenario: the Council and the Parliament bargain over a proposal's issues together. Both
    /// <c>--proposal</c> and the backtest's cases come from this one grouping.
    /// </summary>
    public ImmutableArray<DeuProposal> Proposals => [.. Rows.GroupBy(r => r.ProposalNumber, StringComparer.Ordinal).Select(group =>
    {
        var first = group.First();
        var id = first.ProposalId.Length > 0 ? first.ProposalId : group.Key;
        var name = first.ProposalName.Length > 0 ? first.ProposalName : id;
        return new DeuProposal(id, group.Key, name, Merge([.. group], id, name, first.Scenario.Description));
    })];

    /// <summary>
    /// The proposals with at least one known outcome as backtest cases (<see cref="Proposals"/>),
    /// grouped by proposal number; issues without an outcome take part but are not scored. The
    /// per-issue mode of a backtest splits each case into one-issue cases
    /// (<see cref="BacktestCase.SplitByIssue"/>), which gives the rows' own one-issue scenarios.
    /// </summary>
    public ImmutableArray<BacktestCase> ToBacktestCases() =>
        [.. Proposals.Where(p => p.Scenario.Issues.Any(i => i.Outcome is not null)).Select(p => new BacktestCase(p.Id, p.Scenario, p.Number))];

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
            Rules = MergedRules(rows),
        };
    }

    /// <summary>
    /// The rules of a proposal's rows together: the first row's, with the Commission as setter
    /// and the Parliament as veto player if either recorded a position on any row, and as voters
    /// every member state that did (those without a position on one issue abstain there).
    /// </summary>
    private static DecisionRules? MergedRules(IReadOnlyList<DeuIssue> rows)
    {
        if (rows.Count == 0 || rows[0].Scenario.Rules is not { } first)
        {
            return null;
        }

        // A member state absent from the first row is folded into its quota as a supporter; listed
        // as a voter now, its weight and number go back onto what a qualified majority needs.
        var all = rows.Select(r => r.Scenario.Rules).OfType<DecisionRules>().ToList();
        var weights = all.SelectMany(r => r.Weights).GroupBy(w => w.Key, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var added = all.SelectMany(r => r.Voters).Distinct(StringComparer.Ordinal).Where(v => !first.Voters.Contains(v, StringComparer.Ordinal)).ToArray();
        return first with
        {
            Voters = [.. first.Voters, .. added],
            Weights = weights,
            Quota = first.Quota + added.Sum(v => weights.GetValueOrDefault(v, 1.0)),
            MinimumMembers = first.MinimumMembers + added.Length,
            AgendaSetter = all.Select(r => r.AgendaSetter).FirstOrDefault(s => s is not null),
            VetoPlayers = [.. all.SelectMany(r => r.VetoPlayers).Distinct(StringComparer.Ordinal)],
        };
    }
}
