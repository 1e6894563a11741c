using Parley.Core.Domain;
using Parley.Drafting.Issues;

namespace Parley.Drafting.Tests;

public sealed class MergeTests
{
    /// <summary>A complete scenario an analyst built from the trade article: every judgement made.</summary>
    private static Scenario Judged()
    {
        var expected = Articles.Scenario(Articles.OwnArticles().First().Expected);
        var stances = expected.DraftStances.Select((d, i) => new Stance
        {
            ActorId = d.ActorId,
            IssueId = d.IssueId,
            Position = 10 + (7 * i),
            Salience = 0.5 + (0.05 * i),
            PositionRange = new ValueRange(0, 100),
            Evidence = d.Evidence,
        });
        var actors = expected.Actors.Select((a, i) => a.Kind == ActorKind.Person ? a : a with { Capability = 20 + i, CapabilityRange = new ValueRange(10 + i, 40 + i) });
        return expected with { Stances = [.. stances], DraftStances = [], Actors = [.. actors] };
    }

    [Fact]
    public void Merge_AddsCandidatesAndSources_AndLeavesEveryJudgementAsItWas()
    {
        var existing = Judged();
        var (article, _, _) = Articles.OwnArticles().First();
        var draft = Articles.Drafter.Draft([Articles.Read(article)], new DraftOptions { Issues = [.. existing.Issues.Select(IssueDefinition.FromIssue)] });

        var merged = DraftMerger.Merge(existing, draft.Scenario);

        var scenario = merged.Scenario;
        Assert.True(merged.AddedCandidates > 0);
        Assert.Equal(existing.Sources.Length + 1, scenario.Sources.Length);
        Assert.False(scenario.IsDraft);
        Assert.Equal(existing.Issues, scenario.Issues);
        Assert.Equal(existing.Stages, scenario.Stages);
        Assert.Equal(
            existing.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience, s.Capability, s.PositionRange, s.SalienceRange, string.Join('|', s.Evidence))),
            scenario.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience, s.Capability, s.PositionRange, s.SalienceRange, string.Join('|', s.Evidence))));
        Assert.Equal(
            existing.Actors.Select(a => (a.Id, a.Name, a.Kind, a.Capability, a.CapabilityRange, string.Join(',', a.Members), string.Join('|', a.Evidence))),
            scenario.Actors.Select(a => (a.Id, a.Name, a.Kind, a.Capability, a.CapabilityRange, string.Join(',', a.Members), string.Join('|', a.Evidence))));
        Assert.Contains(scenario.Stances, s => s.ActorId == "fra" && s.IssueId == "agriculture" && s.Candidates.Any(c => c.Quote.Contains("farm products", StringComparison.Ordinal)));
        Assert.All(scenario.Stances.SelectMany(s => s.Candidates), c => Assert.Contains(scenario.Sources, s => s.Id == c.SourceId));
    }

    [Fact]
    public void Merge_OfTheSameSourceTwice_AddsNothingTheSecondTime()
    {
        var existing = Judged();
        var (article, _, _) = Articles.OwnArticles().First();
        var options = new DraftOptions { Issues = [.. existing.Issues.Select(IssueDefinition.FromIssue)] };
        var draft = Articles.Drafter.Draft([Articles.Read(article)], options).Scenario;

        var once = DraftMerger.Merge(existing, draft).Scenario;
        var twice = DraftMerger.Merge(once, draft);

        Assert.Equal(0, twice.AddedCandidates);
        Assert.Equal(once.Sources.Length, twice.Scenario.Sources.Length);
        Assert.Contains(twice.Notes, n => n.Contains("already in the scenario", StringComparison.Ordinal));
    }

    [Fact]
    public void Merge_NewActorsAndStances_AreReportedNotAdded()
    {
        var existing = Judged();
        var withoutFrance = existing with
        {
            Actors = [.. existing.Actors.Where(a => a.Id is not ("fra" or "marchand"))],
            Stances = [.. existing.Stances.Where(s => s.ActorId != "fra")],
        };
        var (article, _, _) = Articles.OwnArticles().First();
        var draft = Articles.Drafter.Draft([Articles.Read(article)], new DraftOptions { Issues = [.. existing.Issues.Select(IssueDefinition.FromIssue)] }).Scenario;

        var merged = DraftMerger.Merge(withoutFrance, draft);

        Assert.Equal(withoutFrance.Actors.Select(a => a.Id), merged.Scenario.Actors.Select(a => a.Id));
        Assert.Contains(merged.Notes, n => n.StartsWith("actor 'fra'", StringComparison.Ordinal));
        Assert.Contains(merged.Notes, n => n.Contains("no such stance", StringComparison.Ordinal));
    }
}
