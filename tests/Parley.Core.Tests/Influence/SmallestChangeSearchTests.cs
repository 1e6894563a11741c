using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Staging;
using Parley.Core.WhatIf;

namespace Parley.Core.Tests.Influence;

/// <summary>
/// The smallest-change search stops once its bracket is within <see cref="InfluenceOptions.SearchPrecision"/>
/// of the change (issue 18, part 2). It must find what a search to the last bit finds, to that precision.
/// </summary>
public sealed class SmallestChangeSearchTests
{
    private static readonly InfluenceOptions Fast = InfluenceOptions.Default with { ExactLimit = 0, Permutations = 1 };
    private static readonly InfluenceOptions Full = Fast with { SearchPrecision = 0 };

    [Fact]
    public void DefaultPrecision_CompromiseOfTwo_BracketsTheHandSolutions()
    {
        // Equal weights at 0 and 100, forecast 50: a position must move by 10, a salience or
        // capability of 1 fall to 9/11, to move the forecast by 5 (as in InfluenceAnalysisTests).
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1));
        var issue = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, InfluenceOptions.Default).Issues.Single();
        Assert.All(issue.Actors, actor =>
        {
            var byInput = actor.Changes.ToDictionary(c => c.Input);
            AssertBrackets(byInput["position"], actor.ActorId == "a0" ? 10 : 90);
            AssertBrackets(byInput["salience"], 9.0 / 11);
            AssertBrackets(byInput["capability"], 9.0 / 11);
        });

        static void AssertBrackets(InputChange change, double threshold)
        {
            Assert.InRange(threshold, Math.Min(change.Unmoved, change.To) - 1e-12, Math.Max(change.Unmoved, change.To) + 1e-12);
            Assert.True(Math.Abs(change.To - change.Unmoved) <= InfluenceOptions.DefaultSearchPrecision * Math.Abs(change.Change), change.ToString());
            Assert.True(Math.Abs(change.Forecast - 50) >= 5 * (1 - 1e-12), change.ToString());
        }
    }

    [Theory]
    [InlineData("compromise")]
    [InlineData("median")]
    [InlineData("nash")]
    public void DefaultPrecision_FindsWhatTheFullSearchFinds_WithinItsBracket(string modelId)
    {
        var model = ModelCatalog.Find(modelId)!;
        var cheaper = 0;
        ScenarioGen.Scenarios(minCapability: 1).Sample(scenario =>
        {
            var fast = InfluenceAnalysis.Run(scenario, model, ModelOptions.Default, Fast with { Shift = 3 });
            var full = InfluenceAnalysis.Run(scenario, model, ModelOptions.Default, Full with { Shift = 3 });
            Assert.True(fast.Runs <= full.Runs, $"{fast.Runs} runs against {full.Runs}");
            cheaper += fast.Runs < full.Runs ? 1 : 0;
            foreach (var (fastIssue, fullIssue) in fast.Issues.Zip(full.Issues))
            {
                foreach (var fullActor in fullIssue.Actors)
                {
                    var fastActor = fastIssue.Actors.Single(a => a.ActorId == fullActor.ActorId);
                    Assert.Equal(fullActor.Changes.Select(c => c.Input), fastActor.Changes.Select(c => c.Input));
                    foreach (var (quick, exact) in fastActor.Changes.Zip(fullActor.Changes))
                    {
                        if (Math.Sign(quick.Change) != Math.Sign(exact.Change))
                        {
                            // The two directions tie within the precision: either may be reported.
                            Assert.True(Math.Abs(quick.RelativeSize - exact.RelativeSize) <= InfluenceOptions.DefaultSearchPrecision * quick.RelativeSize, $"{quick} against {exact}");
                            continue;
                        }

                        // The fast bisection is the full one stopped early: its bracket holds the full one's answer.
                        Assert.InRange(exact.To, Math.Min(quick.Unmoved, quick.To), Math.Max(quick.Unmoved, quick.To));
                        Assert.True(
                            quick.IsKnifeEdge || Math.Abs(quick.To - quick.Unmoved) <= InfluenceOptions.DefaultSearchPrecision * Math.Abs(quick.Change),
                            $"{quick} against {exact}");
                        Assert.Equal(exact.IsKnifeEdge, quick.IsKnifeEdge);
                    }
                }
            }
        }, iter: 25);
        Assert.True(cheaper > 0, "the early stop never saved a run");
    }

    [Fact]
    public void DefaultPrecision_Compromise_NoSmallerChangeMovesTheForecast_OnAFineScan()
    {
        // The compromise forecast is monotone in each input: every value between From and Unmoved
        // must leave the forecast within the shift, and To must move it (an exhaustive check on 400 points).
        var model = new CompromiseModel();
        ScenarioGen.Scenarios(minCapability: 1).Sample(scenario =>
        {
            var result = InfluenceAnalysis.Run(scenario, model, ModelOptions.Default, Fast with { Shift = 3 });
            foreach (var issue in result.Issues)
            {
                foreach (var change in issue.Actors.SelectMany(a => a.Changes).Where(c => c.Input == "position"))
                {
                    for (var step = 1; step < 400; step++)
                    {
                        var value = change.From + ((change.Unmoved - change.From) * step / 400);
                        var moved = ForecastWith(scenario, model, change.ActorId, issue.IssueId, value);
                        Assert.True(Math.Abs(moved - issue.Forecast) < 3 * (1 - 1e-12) + 1e-9, $"{change}: {value} already moves it to {moved}");
                    }

                    Assert.True(Math.Abs(ForecastWith(scenario, model, change.ActorId, issue.IssueId, change.To) - issue.Forecast) >= 3 * (1 - 1e-12), change.ToString());
                }
            }
        }, iter: 10);

        static double ForecastWith(Scenario scenario, IModel model, string actorId, string issueId, double position) =>
            StagedForecaster.Run(ScenarioEdits.WithStance(scenario, actorId, issueId, s => s with { Position = position }), model, ModelOptions.Default with { Lean = true })
                .ForIssue(issueId)!.Forecast;
    }

    [Fact]
    public void KnifeEdge_StopsAsSoonAsItIsKnifeEdge()
    {
        // Equal weights at 40 and 60: any increase of b's salience moves the median to 60. The full
        // search halves down to the last bit; the default stops once the change is knife-edge.
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 0.6, 10), (60, 0.6, 10));
        var fast = InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, InfluenceOptions.Default);
        var full = InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, InfluenceOptions.Default with { SearchPrecision = 0 });
        var quick = fast.Issues.Single().Actors.Single(a => a.ActorId == "a1").Changes.Single(c => c.Input == "salience");
        var exact = full.Issues.Single().Actors.Single(a => a.ActorId == "a1").Changes.Single(c => c.Input == "salience");
        Assert.True(quick.IsKnifeEdge);
        Assert.True(exact.IsKnifeEdge);
        Assert.True(quick.RelativeSize > exact.RelativeSize, $"{quick.RelativeSize} against {exact.RelativeSize}");
        Assert.True(fast.Runs < full.Runs);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Run_RejectsAPrecisionOutsideZeroToOne(double precision)
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 1, 1), (60, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, InfluenceOptions.Default with { SearchPrecision = precision }));
    }
}
