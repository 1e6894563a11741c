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
            Interlocked.Add(ref cheaper, fast.Runs < full.Runs ? 1 : 0);
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

    [Theory]
    [InlineData("compromise", 0.0)]
    [InlineData("compromise", InfluenceOptions.DefaultSearchPrecision)]
    [InlineData("median", 0.0)]
    [InlineData("median", InfluenceOptions.DefaultSearchPrecision)]
    [InlineData("nash", InfluenceOptions.DefaultSearchPrecision)]
    [InlineData("smp", 0.0)]
    [InlineData("smp", InfluenceOptions.DefaultSearchPrecision)]
    public void BothDirectionsAtOnce_FindBitForBitWhatSearchingEachDirectionInFullFinds(string modelId, double precision)
    {
        // The analysis searches both directions of an input together and drops a direction once the
        // brackets prove it cannot be chosen. A plain reference (every direction searched to its end,
        // then downwards unless upwards is strictly smaller) must give the very same numbers.
        var model = ModelCatalog.Find(modelId)!;
        var options = Fast with { Shift = 4, SearchPrecision = precision };
        var differing = 0;
        ScenarioGen.Scenarios(minCapability: 1).Sample(scenario =>
        {
            var result = InfluenceAnalysis.Run(scenario, model, ModelOptions.Default, options);
            foreach (var issue in result.Issues)
            {
                foreach (var actor in issue.Actors)
                {
                    var expected = new[] { "position", "salience", "capability" }
                        .Select(input => ReferenceSearch(scenario, model, actor.ActorId, issue.IssueId, input, options))
                        .OfType<InputChange>()
                        .ToArray();
                    Assert.Equal(
                        expected.Select(c => (c.Input, c.From, c.To, c.Forecast, c.RelativeSize, c.Unmoved)),
                        actor.Changes.Select(c => (c.Input, c.From, c.To, c.Forecast, c.RelativeSize, c.Unmoved)));
                    Interlocked.Add(ref differing, expected.Count(c => c.Change > 0));
                }
            }
        }, iter: 12);
        Assert.True(differing > 0, "no upward change was ever chosen: the comparison says little");
    }

    /// <summary>
    /// The smallest change of one input as the documentation describes it, with nothing saved: each
    /// direction's 8 grid points up to the first that moves the forecast, then bisection until the
    /// bracket is within the precision (or knife-edge) or for the steps allowed; downwards unless
    /// upwards is strictly smaller. For capabilities of ordinary size (no power-of-two rescaling).
    /// </summary>
    private static InputChange? ReferenceSearch(Scenario scenario, IModel model, string actorId, string issueId, string input, InfluenceOptions options)
    {
        var issue = scenario.FindIssue(issueId)!;
        var stance = scenario.FindStance(actorId, issueId)!;
        var reference = issue.StatusQuo ?? (issue.ScaleMin + (issue.ScaleWidth / 2));
        var lean = ModelOptions.Default with { Lean = true };
        var forecast = StagedForecaster.Run(scenario, model, lean).ForIssue(issueId)?.Forecast ?? reference;
        var total = scenario.StancesOn(issueId).Sum(s => s.Capability);
        var capability = scenario.CapabilityOf(stance);
        var (current, low, high, norm) = input switch
        {
            "position" => (stance.Position, issue.ScaleMin, issue.ScaleMax, issue.ScaleWidth),
            "salience" => (stance.Salience, 0.0, 1.0, 1.0),
            _ => (capability, 0.0, Math.Max(capability, 10 * total), total),
        };
        Stance Apply(double value) => input switch
        {
            "position" => stance with { Position = value },
            "salience" => stance with { Salience = value },
            _ => stance with { Capability = value },
        };
        double At(double value) =>
            StagedForecaster.Run(ScenarioEdits.WithStance(scenario, actorId, issueId, _ => Apply(value)), model, lean).ForIssue(issueId)?.Forecast ?? reference;
        bool Reaches(double moved) => Math.Abs(moved - forecast) >= options.Shift * (1 - 1e-12);
        double SizeOf(double value) => Math.Abs(value - current) / norm;

        InputChange? best = null;
        foreach (var end in new[] { low, high })
        {
            if (end == current)
            {
                continue;
            }

            double inside = current, outside = double.NaN, outsideForecast = double.NaN;
            for (var g = 1; g <= 8 && double.IsNaN(outside); g++)
            {
                var point = current + ((end - current) / 8 * g);
                var moved = At(point);
                if (Reaches(moved))
                {
                    (outside, outsideForecast) = (point, moved);
                }
                else
                {
                    inside = point;
                }
            }

            if (double.IsNaN(outside))
            {
                continue;
            }

            for (var step = 0; step < options.SearchSteps; step++)
            {
                var settled = options.SearchPrecision > 0 && (SizeOf(outside) < InputChange.KnifeEdgeSize
                    || Math.Abs((outside / 2) - (inside / 2)) <= options.SearchPrecision * Math.Abs((outside / 2) - (current / 2)));
                var middle = inside + ((outside - inside) / 2);
                if (settled || middle == inside || middle == outside)
                {
                    break;
                }

                var moved = At(middle);
                if (Reaches(moved))
                {
                    (outside, outsideForecast) = (middle, moved);
                }
                else
                {
                    inside = middle;
                }
            }

            if (best is null || SizeOf(outside) < best.RelativeSize)
            {
                best = new InputChange(actorId, input, current, outside, outsideForecast, SizeOf(outside)) { Unmoved = inside };
            }
        }

        return best;
    }

    [Fact]
    public void Smp_AStanceCapability_NeverMovesAForecast()
    {
        // The premise of skipping SMP's capability searches (IModel.ReadsStanceCapability).
        var model = new Parley.Core.Models.Smp.SmpModel();
        Assert.False(((IModel)model).ReadsStanceCapability);
        var lean = ModelOptions.Default with { Lean = true };
        Gen.Select(ScenarioGen.Scenarios(minCapability: 1), Gen.Int[0, 100], Gen.Double[0, 1e9]).Sample((scenario, pick, capability) =>
        {
            var stance = scenario.Stances[pick % scenario.Stances.Length];
            var before = StagedForecaster.Run(scenario, model, lean).Final.Select(f => f.Forecast);
            var after = StagedForecaster.Run(ScenarioEdits.WithStance(scenario, stance.ActorId, stance.IssueId, s => s with { Capability = capability }), model, lean).Final.Select(f => f.Forecast);
            Assert.Equal(before, after);
        }, iter: 25);
    }

    [Fact]
    public void Smp_SkippingTheCapabilitySearch_ChangesNothingButTheRuns()
    {
        var scenario = ScenarioGen.Build([10, 20, 30, 25], [0, 50, 40, 60, 100, 90, 20, 70], [1, 1, 0.5, 0.5, 1, 1, 0.3, 0.8], [null, 50]);
        var skipping = InfluenceAnalysis.Run(scenario, new Parley.Core.Models.Smp.SmpModel(), ModelOptions.Default, Fast);
        var searching = InfluenceAnalysis.Run(scenario, new StanceCapabilityReading(new Parley.Core.Models.Smp.SmpModel()), ModelOptions.Default, Fast);
        Assert.True(skipping.Runs < searching.Runs, $"{skipping.Runs} runs against {searching.Runs}");
        Assert.Equal(
            searching.Issues.SelectMany(i => i.Actors.Select(a => (i.IssueId, a.ActorId, a.Shapley, a.AbsenceShift, string.Join(";", a.Changes)))),
            skipping.Issues.SelectMany(i => i.Actors.Select(a => (i.IssueId, a.ActorId, a.Shapley, a.AbsenceShift, string.Join(";", a.Changes)))));
        Assert.Contains(skipping.Issues, i => i.Actors.Any(a => !a.Changes.IsEmpty));
    }

    /// <summary>A model run as it is, but claiming to read stances' capabilities (the interface's default).</summary>
    private sealed class StanceCapabilityReading(IModel inner) : IModel
    {
        public ModelInfo Info => inner.Info;

        public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default) =>
            inner.Run(scenario, options, cancellationToken);
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
