using CsCheck;
using Parley.Core.Domain;
using Parley.Drafting.Sources;

namespace Parley.Drafting.Tests;

/// <summary>Every stored offset round-trips: the source's text at [start, end) is the stored quote, of at most 15 words.</summary>
public sealed class OffsetPropertyTests
{
    private static IEnumerable<CandidateEvidence> AllCandidates(Scenario scenario) =>
        scenario.DraftStances.SelectMany(s => s.Candidates).Concat(scenario.Actors.SelectMany(a => a.Candidates)).Concat(scenario.Stances.SelectMany(s => s.Candidates));

    private static void AssertRoundTrips(DraftResult draft)
    {
        var texts = draft.Sources.ToDictionary(s => s.Id, s => s.Text);
        var candidates = AllCandidates(draft.Scenario).ToList();
        Assert.NotEmpty(candidates);
        foreach (var candidate in candidates)
        {
            Assert.Equal(candidate.Quote, texts[candidate.SourceId][candidate.Start..candidate.End]);
            Assert.InRange(candidate.Quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit)), 1, 15);
            Assert.InRange(candidate.Score, 0, 1);
        }
    }

    public static TheoryData<string> AllArticles()
    {
        var data = new TheoryData<string>();
        foreach (var (article, _, _) in Articles.OwnArticles())
        {
            data.Add(article);
        }

        if (Articles.SeedPath is { } seed)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllArticles))]
    public void Draft_OfEachArticle_WithLexiconIssues_StoresOffsetsThatRoundTrip(string article)
    {
        AssertRoundTrips(Articles.Drafter.Draft([Articles.Read(article)], new DraftOptions()));
    }

    [Fact]
    public void Draft_OfEveryArticleTogether_WithIssuesAndSuggestions_StoresOffsetsThatRoundTrip()
    {
        var (article, issues, _) = Articles.OwnArticles().Last();
        var documents = Articles.OwnArticles().Select(a => Articles.Read(a.Article)).ToList();
        AssertRoundTrips(Articles.Drafter.Draft(documents, Articles.Options(issues, suggest: true)));
    }

    [Fact]
    public void Draft_OfShuffledSentencesWithRandomSpacing_StoresOffsetsThatRoundTrip()
    {
        var sentences = Articles.OwnArticles()
            .SelectMany(a => Text.TextSplitter.Sentences(Articles.Read(a.Article).Text))
            .Select(s => s.Text)
            .ToArray();
        var separators = new[] { " ", "  ", "\n", "\n\n", " \t " };
        var article = Gen.Select(Gen.Int[0, sentences.Length - 1], Gen.Int[0, separators.Length - 1]).Array[3, 8];
        article.Sample(
            picks =>
            {
                var text = string.Concat(picks.Select(p => sentences[p.Item1] + separators[p.Item2]));
                var read = SourceReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "random.txt", "random");
                var draft = Articles.Drafter.Draft([read.Document!], new DraftOptions());
                var texts = draft.Sources.ToDictionary(s => s.Id, s => s.Text);
                return AllCandidates(draft.Scenario).All(c => texts[c.SourceId][c.Start..c.End] == c.Quote && c.End - c.Start == c.Quote.Length);
            },
            iter: 10);
    }
}
