using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Backtesting;

/// <summary>A scenario whose outcomes are known (<see cref="Issue.Outcome"/>), to test models on.</summary>
/// <param name="Id">Identifier of the case in reports, e.g. a DEU proposal id or a file name.</param>
/// <param name="Scenario">The scenario; issues without an outcome are not scored.</param>
/// <param name="Group">
/// Cases that must stay together when the data are split for cross-validation, e.g. the issues
/// of one legislative proposal. Use <paramref name="Id"/> when cases are independent.
/// </param>
public sealed record BacktestCase(string Id, Scenario Scenario, string Group)
{
    /// <summary>
    /// The cases of <paramref name="mode"/>: <paramref name="cases"/> themselves for
    /// <see cref="BacktestMode.Proposal"/>, every case split by issue for <see cref="BacktestMode.Issue"/>.
    /// </summary>
    public static ImmutableArray<BacktestCase> For(IReadOnlyList<BacktestCase> cases, BacktestMode mode)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return mode == BacktestMode.Proposal ? [.. cases] : [.. cases.SelectMany(c => c.SplitByIssue())];
    }

    /// <summary>
    /// One one-issue case per issue with an outcome, in issue order, each in this case's group: the
    /// issue, the actors with a stance on it (in the order of their stances, as a one-issue file
    /// would list them: models such as SMP break ties by actor order) and their stances. Stages keep only
    /// this issue and are dropped when it is not on their table. Each case's id is
    /// <c>CASE/ISSUE</c>.
    /// </summary>
    public ImmutableArray<BacktestCase> SplitByIssue()
    {
        if (Scenario.Issues.Length == 1)
        {
            return Scenario.Issues[0].Outcome is null ? [] : [this with { Id = $"{Id}/{Scenario.Issues[0].Id}" }];
        }

        var cases = ImmutableArray.CreateBuilder<BacktestCase>();
        foreach (var issue in Scenario.Issues.Where(i => i.Outcome is not null))
        {
            var stances = Scenario.Stances.Where(s => s.IssueId == issue.Id).ToImmutableArray();
            var actorIds = stances.Select(s => s.ActorId).ToHashSet(StringComparer.Ordinal);
            // Each actor carries its capability on this issue, as a one-issue file would give it.
            var actors = stances
                .Select(s => Scenario.FindActor(s.ActorId) is { } actor ? actor with { Capability = Scenario.CapabilityOf(s) } : null)
                .OfType<Actor>()
                .ToImmutableArray();
            var scenario = Scenario with
            {
                Id = $"{Scenario.Id}/{issue.Id}",
                Actors = actors,
                Issues = [issue],
                Stances = stances,
                DraftStances = [],
                Stages =
                [
                    .. Scenario.Stages
                        .Where(s => s.Issues.IsEmpty || s.Issues.Contains(issue.Id))
                        .Select(s => s with { Issues = s.Issues.IsEmpty ? [] : [issue.Id], Participants = [.. s.Participants.Where(actorIds.Contains)] })
                        .Where(s => !s.Participants.IsEmpty),
                ],
            };
            cases.Add(new BacktestCase($"{Id}/{issue.Id}", scenario, Group));
        }

        return cases.ToImmutable();
    }
}
