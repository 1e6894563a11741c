using Parley.Core.Domain;
using Parley.Core.Scoring;
using Parley.Core.Tests;

namespace Parley.Core.Tests.Scoring;

public sealed class ScenarioScoreCardTests
{
    private static Scenario TwoIssues()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (20, 1, 1), (80, 1, 1));
        var scored = scenario.Issues[0] with { Outcome = 30, OutcomeObservation = new OutcomeObservation { Date = "2025-09-01" } };
        var open = scenario.Issues[0] with { Id = "open", Outcome = null, OutcomeObservation = new OutcomeObservation { Note = "reports disagree" } };
        var silent = scenario.Issues[0] with { Id = "silent", Outcome = null };
        return scenario with { Issues = [scored, open, silent] };
    }

    private static ModelScoreCard Card(params ScoredIssue[] issues) => new() { ModelId = "m", Name = "M", Citation = "c", Issues = [.. issues] };

    [Fact]
    public void Score_UsesTheDrawsWhenKept_TheIntervalsWhenNot_AndTheAbsoluteErrorOtherwise()
    {
        var scenario = TwoIssues();
        var id = scenario.Issues[0].Id;
        double[] draws = [10, 20, 30, 40, 50];
        var card = ScenarioScoreCard.Score(scenario, ForecastOrigin.Fresh,
        [
            Card(new ScoredIssue { IssueId = id, Forecast = 30, Draws = 5, Intervals = [CentralInterval.FromSortedEnsemble(draws, 0.5)], SortedDraws = [.. draws] }),
            Card(new ScoredIssue { IssueId = id, Forecast = 35, Intervals = [new CentralInterval(0.9, 31, 60)] }),
            Card(new ScoredIssue { IssueId = id, Forecast = 70 }, new ScoredIssue { IssueId = "open", Forecast = 50 }),
        ]);

        var fromDraws = card.Models[0].Issues[0].Score!;
        Assert.Equal(ContinuousRankedProbabilityScore.OfEnsemble(draws, 30), fromDraws.Crps!.Value, 1e-12);
        Assert.Equal([0.5], fromDraws.Intervals.Select(h => h.Interval.Level));
        Assert.True(fromDraws.Intervals[0].Inside);
        Assert.Equal("2025-09-01", card.Models[0].Issues[0].ObservedOn);

        var fromIntervals = card.Models[1].Issues[0].Score!;
        Assert.Null(fromIntervals.Crps);
        Assert.False(Assert.Single(fromIntervals.Intervals).Inside);
        Assert.Equal(5, fromIntervals.AbsoluteError, 12);

        Assert.Equal(40, card.Models[2].Issues[0].Score!.AbsoluteError, 12);
        Assert.Null(card.Models[2].Issues[1].Score);
        Assert.Equal(1, card.Models[2].Summary.Count);
        Assert.Equal(1, card.ScoredIssueCount);
    }

    [Fact]
    public void Score_ListsEveryIssueWithoutAnOutcome_WithItsNote()
    {
        var card = ScenarioScoreCard.Score(TwoIssues(), ForecastOrigin.Fresh, [Card(new ScoredIssue { IssueId = TwoIssues().Issues[0].Id, Forecast = 30 })]);
        Assert.Equal([new UnscoredIssue("open", "no outcome: reports disagree"), new UnscoredIssue("silent", "no outcome recorded")], card.NotScored.ToArray());
    }

    [Fact]
    public void Score_IssueWithAnOutcomeThatNoModelForecast_IsListedAsNotForecast()
    {
        var card = ScenarioScoreCard.Score(TwoIssues(), ForecastOrigin.Fresh, [Card(new ScoredIssue { IssueId = "open", Forecast = 30 })]);
        Assert.Contains(new UnscoredIssue(TwoIssues().Issues[0].Id, "not forecast"), card.NotScored);
    }
}
