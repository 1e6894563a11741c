using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Reports.Html;

namespace Parley.Reports.Tests;

public sealed class EvidenceContextTests
{
    private const string Text = "The talks opened in Anchorage. Putin said the war must end on his terms, aides reported. Kyiv was not invited.\nA new paragraph.";

    [Fact]
    public void Of_QuoteInsideASentence_GivesTheWholeSentence()
    {
        var start = Text.IndexOf("the war must end", StringComparison.Ordinal);
        var context = EvidenceContext.Of(Text, start, start + "the war must end".Length, "the war must end")!;

        Assert.Equal("Putin said ", context.Before);
        Assert.Equal("the war must end", context.Quote);
        Assert.Equal(" on his terms, aides reported.", context.After);
    }

    [Fact]
    public void Of_QuoteEndingItsSentence_HasNothingAfter()
    {
        var start = Text.IndexOf("Kyiv was not invited.", StringComparison.Ordinal);
        var context = EvidenceContext.Of(Text, start, start + 21, "Kyiv was not invited.")!;

        Assert.Equal(string.Empty, context.Before);
        Assert.Equal(string.Empty, context.After);
    }

    [Fact]
    public void Of_LongSentence_CutAtWordsWithEllipses()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var text = words + " QUOTE " + words + ".";
        var start = text.IndexOf("QUOTE", StringComparison.Ordinal);
        var context = EvidenceContext.Of(text, start, start + 5, "QUOTE")!;

        Assert.StartsWith("…word", context.Before, StringComparison.Ordinal);
        Assert.EndsWith("…", context.After, StringComparison.Ordinal);
        Assert.InRange(context.Before.Length, 150, EvidenceContext.Reach + 1);
        Assert.InRange(context.After.Length, 150, EvidenceContext.Reach + 1);
    }

    [Fact]
    public void Of_SentenceEndingInAQuotation_StopsAfterTheClosingMark()
    {
        const string text = "He said “peace is near.” Then he left.";
        var context = EvidenceContext.Of(text, 3, 7, "said")!;
        Assert.Equal(" “peace is near.”", context.After);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(5, 3)]
    [InlineData(0, 10_000)]
    public void Of_OffsetsOutsideTheText_IsNull(int start, int end) =>
        Assert.Null(EvidenceContext.Of(Text, start, end, "The"));

    [Fact]
    public void Of_TextThereIsNotTheQuote_IsNull() =>
        Assert.Null(EvidenceContext.Of(Text, 0, 3, "Kyi"));

    [Fact]
    public void Report_DraftWithSourceText_ListsEachPassageInContextAndTheOpenJudgements()
    {
        var start = Text.IndexOf("the war must end", StringComparison.Ordinal);
        var scenario = new Scenario
        {
            Id = "d",
            Title = "A draft",
            Sources = [new Source("news", "A news report")],
            Actors = [new Actor { Id = "rus", Name = "Russia" }, new Actor { Id = "ukr", Name = "Ukraine" }],
            Issues = [new Issue { Id = "war", Name = "The war" }],
            DraftStances =
            [
                new DraftStance
                {
                    ActorId = "rus",
                    IssueId = "war",
                    Candidates =
                    [
                        new CandidateEvidence("the war must end", "news", start, start + 16, CandidateKind.ReportedSpeech, 0.8),
                        new CandidateEvidence("Kyiv", "news", 0, 4, CandidateKind.Mention, 0.3),
                    ],
                },
            ],
        };
        var html = NegotiationReport.ToHtml(new NegotiationReportInput
        {
            Scenario = scenario,
            Results = [],
            OpenJudgements = ["d.yaml:9:5: position and salience of 'rus' on 'war': to decide; 2 candidate passages to review"],
            SourceTexts = [new SourceText("news", Text, null)],
        });

        Assert.Contains("<section id=\"evidence\"", html, StringComparison.Ordinal);
        Assert.Contains("Putin said <mark>the war must end</mark> on his terms, aides reported.", html, StringComparison.Ordinal);
        Assert.Contains("score 0.800", html, StringComparison.Ordinal);
        Assert.Contains("A news report (news), characters " + start.ToString(System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);

        // The second candidate's offsets hold "The ", not "Kyiv": shown alone, with the reason.
        Assert.Contains("<mark>Kyiv</mark>", html, StringComparison.Ordinal);
        Assert.Contains("the source&#39;s text there differs from the quote", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("the war must end</mark>", StringComparison.Ordinal) < html.IndexOf("<mark>Kyiv", StringComparison.Ordinal), "ranked as the draft ranked them");
        Assert.Contains("awaits the analyst", html, StringComparison.Ordinal);
        Assert.Contains("d.yaml:9:5: position and salience of &#39;rus&#39; on &#39;war&#39;: to decide", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"influence\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SourceWithoutText_ShowsQuotesAloneWithTheReason()
    {
        var scenario = new Scenario
        {
            Id = "d",
            Title = "A draft",
            Sources = [new Source("news", "A news report")],
            Actors = [new Actor { Id = "rus", Name = "Russia" }],
            Issues = [new Issue { Id = "war", Name = "The war" }],
            DraftStances = [new DraftStance { ActorId = "rus", IssueId = "war", Candidates = [new CandidateEvidence("the war", "news", 10, 17, CandidateKind.Description, 0.5)] }],
        };
        var html = NegotiationReport.ToHtml(new NegotiationReportInput
        {
            Scenario = scenario,
            Results = ImmutableArray<Core.Models.ModelResult>.Empty,
            SourceTexts = [new SourceText("news", null, "the file news.txt is not found")],
        });

        Assert.Contains("Source news: the file news.txt is not found; its passages are shown without their context.", html, StringComparison.Ordinal);
        Assert.Contains("<mark>the war</mark>", html, StringComparison.Ordinal);
    }
}
