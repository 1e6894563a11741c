using System.Collections.Immutable;
using CsCheck;
using Parley.Core.Blocs;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Staging;
using Parley.Core.Uncertainty;
using Parley.Core.WhatIf;
using Parley.Tests.Shared;

namespace Parley.Core.Tests.Models;

/// <summary>
/// Issue 12, item 2: every number a model can produce is finite, or the input that causes it fails
/// validation. Any scenario the extreme generator makes either fails the checker or gives, from
/// every model and variant and from Monte Carlo, sensitivity, influence, what-if, stages and blocs,
/// finite forecasts on the issue's scale, and never an exception. Iterations scale with
/// PARLEY_PROPERTY_SCALE (e.g. 20 for a long run).
/// </summary>
public sealed class ExtremeInputPropertyTests
{
    private static void AssertOnScale(Scenario scenario, ImmutableArray<IssueForecast> forecasts, string what)
    {
        foreach (var forecast in forecasts)
        {
            var issue = scenario.FindIssue(forecast.IssueId)!;
            Assert.True(double.IsFinite(forecast.Forecast), $"{what}: {forecast.IssueId} forecast {forecast.Forecast} in {ExtremeScenarioGen.Describe(scenario)}");
            Assert.True(
                forecast.Forecast >= issue.ScaleMin && forecast.Forecast <= issue.ScaleMax,
                $"{what}: {forecast.IssueId} forecast {forecast.Forecast:R} outside [{issue.ScaleMin:R}, {issue.ScaleMax:R}] in {ExtremeScenarioGen.Describe(scenario)}");
            foreach (var position in forecast.Positions)
            {
                Assert.True(double.IsFinite(position.Position), $"{what}: {position.ActorId} on {forecast.IssueId} at {position.Position} in {ExtremeScenarioGen.Describe(scenario)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelVariants.Names), MemberType = typeof(ModelVariants))]
    public void EveryModel_ValidExtremeScenario_GivesFiniteForecastsOnTheScale(string variant)
    {
        var (model, options) = ModelVariants.Named(variant);
        ExtremeScenarioGen.Valid.Sample(
            scenario =>
            {
                var result = model.Run(scenario, options with { Rounds = model.Info.Id is "smp" or "eum" ? 8 : null });
                AssertOnScale(scenario, result.Issues, variant);
                Assert.Equal(
                    scenario.Issues.Where(i => !scenario.StancesOn(i.Id).IsEmpty).Select(i => i.Id),
                    result.Issues.Select(i => i.IssueId));
            },
            iter: TestSize.Cases(60));
    }

    [Fact]
    public void Generator_MakesInvalidScenariosOnlyThroughUnrepresentableScales()
    {
        // The property above is only as strong as the share of valid cases: check the generator.
        var valid = 0;
        var invalid = 0;
        ExtremeScenarioGen.Scenarios.Sample(
            scenario =>
            {
                if (ExtremeScenarioGen.IsValid(scenario))
                {
                    valid++;
                }
                else
                {
                    invalid++;
                    var problems = Parley.Formats.ScenarioChecker.Check(scenario, new Parley.Formats.SourceMap(), "generated");
                    Assert.True(
                        problems.All(p => p.Message.Contains("too wide", StringComparison.Ordinal)
                            || p.Message.Contains("must be greater than min", StringComparison.Ordinal)
                            || p.Message.Contains("finite", StringComparison.Ordinal)),
                        string.Join("\n", problems.Select(p => p.Message)));
                }
            },
            iter: 200,
            threads: 1);
        Assert.True(valid > 60, $"only {valid} of 200 generated scenarios are valid");
    }

    [Theory]
    [MemberData(nameof(ModelVariants.Names), MemberType = typeof(ModelVariants))]
    public void MonteCarloAndSensitivity_ValidExtremeScenario_StayFinite(string variant)
    {
        var (model, options) = ModelVariants.Named(variant);
        var modelOptions = options with { Rounds = model.Info.Id is "smp" or "eum" ? 3 : null };
        ExtremeScenarioGen.Valid.Sample(
            scenario =>
            {
                var monteCarlo = MonteCarlo.Run(scenario, model, new MonteCarloOptions { Draws = 20, Threads = 1, ModelOptions = modelOptions });
                foreach (var issue in monteCarlo.Issues)
                {
                    Assert.True(double.IsFinite(issue.Mean) && double.IsFinite(issue.StandardDeviation) && double.IsFinite(issue.Min) && double.IsFinite(issue.Max), $"{variant}: {issue} in {ExtremeScenarioGen.Describe(scenario)}");
                    Assert.All(issue.Quantiles, q => Assert.True(double.IsFinite(q.Value)));
                }

                var sensitivity = Sensitivity.Run(scenario, model, new SensitivityOptions { Draws = 10, Threads = 1, ModelOptions = modelOptions });
                foreach (var bar in sensitivity.Issues.SelectMany(i => i.Bars))
                {
                    Assert.True(double.IsFinite(bar.ForecastAtLow) && double.IsFinite(bar.ForecastAtHigh) && double.IsFinite(bar.Swing) && (bar.RankCorrelation is null || double.IsFinite(bar.RankCorrelation.Value)), $"{variant}: {bar}");
                }
            },
            iter: TestSize.Cases(6),
            threads: 1);
    }

    [Theory]
    [MemberData(nameof(ModelVariants.Names), MemberType = typeof(ModelVariants))]
    public void InfluenceWhatIfStagesAndBlocs_ValidExtremeScenario_StayFinite(string variant)
    {
        var (model, options) = ModelVariants.Named(variant);
        var modelOptions = options with { Rounds = model.Info.Id is "smp" or "eum" ? 3 : null };
        ExtremeScenarioGen.Valid.Sample(
            scenario =>
            {
                var influence = InfluenceAnalysis.Run(scenario, model, modelOptions, InfluenceOptions.Default with { SearchSteps = 8 });
                foreach (var issue in influence.Issues)
                {
                    Assert.True(double.IsFinite(issue.Forecast) && double.IsFinite(issue.Reference));
                    foreach (var actor in issue.Actors)
                    {
                        Assert.True(double.IsFinite(actor.Shapley) && double.IsFinite(actor.AbsenceShift), $"{variant}: {actor}");
                        Assert.All(actor.Changes, c => Assert.True(double.IsFinite(c.To) && double.IsFinite(c.Forecast) && double.IsFinite(c.RelativeSize), $"{variant}: {c}"));
                    }
                }

                // Stages: the first actors alone on the first issue, then everyone.
                var staged = scenario with
                {
                    Stages =
                    [
                        new Stage { Id = "first", Name = "First", Participants = [scenario.Actors[0].Id], Issues = [scenario.Issues[0].Id] },
                        new Stage { Id = "all", Name = "All", Participants = [.. scenario.Actors.Select(a => a.Id)] },
                    ],
                };
                var stagedResult = StagedForecaster.Run(staged, model, modelOptions);
                AssertOnScale(scenario, stagedResult.Final, variant + " staged");

                // Blocs: the first actor as a bloc of the others.
                var blocs = scenario with { Actors = [scenario.Actors[0] with { Members = [.. scenario.Actors.Skip(1).Select(a => a.Id)] }, .. scenario.Actors.Skip(1)] };
                AssertOnScale(scenario, model.Run(BlocTransform.Merge(blocs), modelOptions).Issues, variant + " merged");
                AssertOnScale(scenario, model.Run(BlocTransform.Split(blocs), modelOptions).Issues, variant + " split");

                // What-if: an actor removed, and a comparison of the two runs.
                var without = ScenarioEdits.WithoutActors(scenario, [scenario.Actors[^1].Id]);
                var variantRun = StagedForecaster.Run(without, model, modelOptions);
                var rows = ForecastComparison.Compare(scenario, StagedForecaster.Run(scenario, model, modelOptions), variantRun);
                Assert.All(rows, r => Assert.True(r.Delta is null || double.IsFinite(r.Delta.Value), $"{variant}: {r}"));
            },
            iter: TestSize.Cases(4),
            threads: 1);
    }
}
