using Xunit.Abstractions;
using Parley.Core.Domain;

namespace Parley.Drafting.Tests;

/// <summary>
/// The issue's yardstick: a draft of an article against the scenario an analyst built by hand from
/// it. Every actor and person found and grouped; at least 80 % of the hand-built stances' quotes
/// among the top three candidates of the right actor and issue.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    [SeedFact]
    public void SeedArticle_AgainstAlaskaScenario_FindsEveryActorAndPersonAndRanksTheQuotes()
    {
        var draft = Articles.Draft(Articles.SeedPath!, Path.Combine(Articles.RepositoryRoot, "scenarios", "alaska-2025.issues.yaml"));
        var expected = Articles.Scenario(Path.Combine(Articles.RepositoryRoot, "scenarios", "alaska-2025.yaml"));

        var result = DraftComparison.Compare(draft.Scenario, expected, draft.Sources);

        foreach (var line in result.Lines())
        {
            output.WriteLine(line);
        }

        Assert.Equal(5, result.ExpectedActors);
        Assert.Equal(result.ExpectedActors, result.ActorsFound);
        Assert.Equal(10, result.ExpectedPeople);
        Assert.Equal(result.ExpectedPeople, result.PeopleGrouped);
        Assert.Equal(8, result.Quotes);
        Assert.True(result.QuoteShare >= 0.8, $"only {result.QuotesInTopThree} of {result.Quotes} quotes in the top three");
    }

    public static TheoryData<string> OwnArticleNames() => new(Articles.OwnArticles().Select(a => Path.GetFileName(a.Article)));

    [Theory]
    [MemberData(nameof(OwnArticleNames))]
    public void OwnArticle_AgainstItsExpectedScenario_FindsEveryActorAndPersonAndRanksTheQuotes(string name)
    {
        var (article, issues, expectedPath) = Articles.OwnArticles().Single(a => Path.GetFileName(a.Article) == name);
        var draft = Articles.Draft(article, issues);
        var expected = Articles.Scenario(expectedPath);

        var result = DraftComparison.Compare(draft.Scenario, expected, draft.Sources);

        foreach (var line in result.Lines())
        {
            output.WriteLine(line);
        }

        Assert.True(result.Quotes >= 6, "the expected scenario's quotes must all be found in the article");
        Assert.Equal(result.ExpectedActors, result.ActorsFound);
        Assert.Equal(result.ExpectedPeople, result.PeopleGrouped);
        Assert.True(result.QuoteShare >= 0.8, $"only {result.QuotesInTopThree} of {result.Quotes} quotes in the top three");
    }

    [Fact]
    public void Comparison_OfAScenarioWithItself_CountsEveryActorAndPerson()
    {
        var expected = Articles.Scenario(Articles.OwnArticles().First().Expected);

        var result = DraftComparison.Compare(expected with { DraftStances = [] }, expected, []);

        Assert.Equal(result.ExpectedActors, result.ActorsFound);
        Assert.Equal(result.DraftActors, result.DraftActorsCorrect);
        Assert.Equal(result.ExpectedPeople, result.PeopleGrouped);
        Assert.Equal(0, result.Quotes);
    }

    [Fact]
    public void Comparison_WithTheWrongGroup_CountsThePersonAsFoundButNotGrouped()
    {
        var expected = Articles.Scenario(Articles.OwnArticles().First().Expected);
        var actors = expected.Actors.Select(a => a.Id switch
        {
            "usa" => a with { Members = [] },
            "chn" => a with { Members = [.. a.Members, "okafor"] },
            _ => a,
        });

        var result = DraftComparison.Compare(expected with { Actors = [.. actors] }, expected, []);

        Assert.Equal(result.ExpectedPeople, result.PeopleFound);
        Assert.Equal(result.ExpectedPeople - 1, result.PeopleGrouped);
        Assert.Contains(result.Details, d => d.Contains("Daniel Okafor under chn", StringComparison.Ordinal));
    }
}
