using Parley.Core.Models;
using Parley.Core.Scoring;
using Parley.Core.Uncertainty;

namespace Parley.Application.Tests;

/// <summary><see cref="ParleyApplication.Score"/>: fresh forecasts scored against a scenario's outcomes, and the request's checks.</summary>
public sealed class ScoreTests
{
    internal const string Talks = """
        id: talks
        title: Talks
        date: "2025-08-15"
        horizon: "2025-09-15"
        actors:
          - { id: a, capability: 10 }
          - { id: b, capability: 5 }
        issues:
          - id: x
            min: 0
            max: 10
            outcome: { value: 2, observed: "2025-09-10" }
          - id: y
            outcome: { note: Reports disagree. }
        stances:
          - { actor: a, issue: x, position: 3, salience: 0.5 }
          - { actor: b, issue: x, position: 9, salience: 1 }
          - { actor: a, issue: y, position: 30, salience: 0.5 }
          - { actor: b, issue: y, position: 60, salience: 0.5 }
        """;

    private static ScoreRequest Request(string models = "compromise,median", int? draws = 400) => new()
    {
        Scenarios = [ScenarioSource.FromText(Talks, "talks.yaml")],
        Models = new ModelRequest { Models = models, Seed = 9 },
        Draws = draws,
    };

    [Fact]
    public void Score_MonteCarlo_MatchesTheCoreScoreOfTheSameDraws()
    {
        var run = ParleyApplication.Score(Request()).Value!;
        var card = Assert.Single(run.Scenarios);
        Assert.Equal(["compromise", "median"], card.Models.Select(m => m.ModelId));

        var scenario = card.Scenario;
        var monteCarlo = MonteCarlo.Run(scenario, ModelCatalog.Find("compromise")!, new MonteCarloOptions { Draws = 400, Seed = 9, KeepDraws = true });
        var expected = ForecastScore.OfDistribution(monteCarlo.Issues[0], 2);
        var scored = card.Models[0].Issues[0];
        Assert.Equal("x", scored.IssueId);
        Assert.Equal(expected.Crps, scored.Score!.Crps);
        Assert.Equal(expected.AbsoluteError, scored.Score.AbsoluteError);
        Assert.Equal(expected.Intervals.Select(h => h.Inside), scored.Score.Intervals.Select(h => h.Inside));
        Assert.Equal(3, scored.Intervals.Length);
        Assert.Empty(scored.SortedDraws);
        Assert.Null(card.Models[0].Issues[1].Score);
        Assert.Equal([new UnscoredIssue("y", "no outcome: Reports disagree.")], card.NotScored.ToArray());
    }

    [Fact]
    public void Score_SameSeed_SameScores_OnAnyThreadCount()
    {
        var one = ParleyApplication.Score(Request() with { Threads = 1 }).Value!;
        var three = ParleyApplication.Score(Request() with { Threads = 3 }).Value!;
        Assert.Equal(
            one.Scenarios[0].Models.Select(m => m.Summary.MeanCrps),
            three.Scenarios[0].Models.Select(m => m.Summary.MeanCrps));
    }

    [Fact]
    public void Score_ZeroDraws_ScoresPointForecastsByAbsoluteErrorOnly()
    {
        var card = ParleyApplication.Score(Request(draws: 0)).Value!.Scenarios[0];
        var score = card.Models[1].Issues[0].Score!;
        Assert.Null(score.Crps);
        Assert.Empty(score.Intervals);
        Assert.Equal(0, card.Models[1].Draws);
        // The weighted median of 3 (weight 5) and 9 (weight 5) is one of them; the error is |forecast - 2|.
        Assert.Equal(Math.Abs(card.Models[1].Issues[0].Forecast - 2), score.AbsoluteError, 12);
    }

    [Fact]
    public void Score_KeepDraws_KeepsEverySortedDraw()
    {
        var card = ParleyApplication.Score(Request(models: "compromise") with { KeepDraws = true }).Value!.Scenarios[0];
        var draws = card.Models[0].Issues[0].SortedDraws;
        Assert.Equal(400, draws.Length);
        Assert.True(draws.SequenceEqual(draws.Order()));
    }

    public static TheoryData<ScoreRequest, string> Refused() => new()
    {
        { Request() with { Draws = -1 }, "--draws -1 is not allowed; use 0 to 1,000,000" },
        { Request() with { Run = 1, LatestStored = true }, "--run and --stored both choose the stored forecasts; give one of them" },
        { Request() with { Run = 1, Draws = null }, "scoring stored forecasts needs the Parley store (--db)" },
        { Request() with { Spread = 2 }, "--spread 2 is not allowed; use a number from 0 to 1 (0.1 = +-10% of the scale)" },
        { Request() with { Scenarios = [] }, "no scenario to score; give one or more scenario files" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Score_BadRequest_SaysWhatIsAllowed(ScoreRequest request, string expected)
    {
        var outcome = ParleyApplication.Score(request);
        Assert.False(outcome.Succeeded);
        Assert.Equal(expected, Assert.Single(outcome.Errors));
    }

    [Fact]
    public void Score_ScenarioWithABrokenOutcome_ReturnsTheLocatedProblem()
    {
        var outcome = ParleyApplication.Score(Request() with { Scenarios = [ScenarioSource.FromText(Talks.Replace("value: 2", "value: 12", StringComparison.Ordinal), "talks.yaml")] });
        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Diagnostics, d => d.ToString() == "talks.yaml:12:23: issue 'x': outcome 12 is outside the issue's scale; it must be from 0 to 10");
    }
}
