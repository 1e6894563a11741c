using Parley.Core.Domain;
using Parley.Formats;
using Parley.Formats.Native;

namespace Parley.Drafting.Tests;

public sealed class DraftingTests
{
    [Fact]
    public void Draft_LeavesEveryJudgementOpen()
    {
        var (article, issues, _) = Articles.OwnArticles().First();

        var scenario = Articles.Draft(article, issues).Scenario;

        Assert.True(scenario.IsDraft);
        Assert.Empty(scenario.Stances);
        Assert.All(scenario.DraftStances, s => Assert.Null(s.Position));
        Assert.All(scenario.DraftStances, s => Assert.Null(s.Salience));
        Assert.All(scenario.DraftStances, s => Assert.Null(s.Suggestion));
        Assert.All(scenario.Actors, a => Assert.Null(a.Capability));
    }

    [Fact]
    public void Draft_RecordsEachSourceWithItsHashAndFile()
    {
        var (article, issues, _) = Articles.OwnArticles().First();

        var source = Assert.Single(Articles.Draft(article, issues).Scenario.Sources);

        Assert.Equal("trade-dispute", source.Id);
        Assert.Equal("Brussels and Washington edge toward a truce in the steel tariff dispute", source.Title);
        Assert.Equal("2026-03-03", source.Date);
        Assert.Equal(article, source.File);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(article))), source.Sha256);
    }

    [Fact]
    public void Draft_KindsOfCandidates_TellQuotesFromReportedSpeechAndDescription()
    {
        var (article, issues, _) = Articles.OwnArticles().Skip(1).First();
        var scenario = Articles.Draft(article, issues).Scenario;

        var candidates = scenario.DraftStances.SelectMany(s => s.Candidates).ToList();

        Assert.Contains(candidates, c => c.Kind == CandidateKind.DirectQuote && c.Quote.Contains("We will not sign a coalition agreement", StringComparison.Ordinal));
        Assert.Contains(candidates, c => c.Kind == CandidateKind.ReportedSpeech);
        Assert.Contains(candidates, c => c.Kind == CandidateKind.Description);
    }

    [Fact]
    public void Draft_Candidates_AreRankedBestFirst()
    {
        var (article, issues, _) = Articles.OwnArticles().Last();

        foreach (var stance in Articles.Draft(article, issues).Scenario.DraftStances)
        {
            Assert.Equal(stance.Candidates.OrderByDescending(c => c.Score).Select(c => c.Score), stance.Candidates.Select(c => c.Score));
        }
    }

    [Fact]
    public void Draft_WithSuggest_ProposesPositionsOnlyAsSuggestionsOnTheScale()
    {
        var (article, issues, _) = Articles.OwnArticles().First();

        var scenario = Articles.Draft(article, issues, suggest: true).Scenario;

        var suggested = scenario.DraftStances.Where(s => s.Suggestion is not null).ToList();
        Assert.NotEmpty(suggested);
        Assert.All(suggested, s => Assert.NotEmpty(s.Candidates));
        Assert.All(suggested, s => Assert.InRange(s.Suggestion!.Position, 0, 100));
        Assert.All(scenario.DraftStances, s => Assert.Null(s.Position));
    }

    [Fact]
    public void Draft_WithoutIssues_ProposesIssuesFromTheLexiconButNoSuggestions()
    {
        var (article, _, _) = Articles.OwnArticles().Last();

        var scenario = Articles.Drafter.Draft([Articles.Read(article)], new DraftOptions { Suggest = true }).Scenario;

        Assert.Contains(scenario.Issues, i => i.Id == "fossil");
        Assert.Contains(scenario.Issues, i => i.Id == "climatefinance");
        Assert.All(scenario.DraftStances, s => Assert.Null(s.Suggestion));
    }

    [Fact]
    public void Draft_IsTheSameEveryTime()
    {
        var (article, issues, _) = Articles.OwnArticles().Skip(1).First();

        var first = NativeScenarioWriter.ToYaml(Articles.Draft(article, issues, suggest: true).Scenario);
        var second = NativeScenarioWriter.ToYaml(Articles.Draft(article, issues, suggest: true).Scenario);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Draft_WrittenAndReadBack_IsAValidDraftWithItsOpenJudgementsListed()
    {
        var (article, issues, _) = Articles.OwnArticles().Last();
        var scenario = Articles.Draft(article, issues, suggest: true).Scenario;

        foreach (var (text, name) in new[] { (NativeScenarioWriter.ToYaml(scenario), "draft.yaml"), (NativeScenarioWriter.ToJson(scenario), "draft.json") })
        {
            var read = ScenarioFiles.ReadText(text, name);

            Assert.True(read.Succeeded, string.Join('\n', read.Diagnostics));
            Assert.Equal(scenario.DraftStances.Length, read.Scenario!.DraftStances.Length);
            Assert.Equal(scenario.DraftStances.SelectMany(s => s.Candidates), read.Scenario.DraftStances.SelectMany(s => s.Candidates));
            Assert.Equal(scenario.Actors.Select(a => (a.Id, a.Members.Length, a.Candidates.Length)), read.Scenario.Actors.Select(a => (a.Id, a.Members.Length, a.Candidates.Length)));
            Assert.Equal(scenario.Sources.Select(s => s.Sha256), read.Scenario.Sources.Select(s => s.Sha256));
            Assert.Equal(scenario.DraftStances.Length + scenario.Actors.Count(a => a.Kind != ActorKind.Person && !scenario.Actors.Any(b => b.Members.Contains(a.Id))), read.OpenJudgements.Length);
        }
    }
}
