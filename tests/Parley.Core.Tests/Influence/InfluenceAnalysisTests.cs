using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Staging;
using Parley.Core.Tests.Staging;
using Parley.Core.WhatIf;

namespace Parley.Core.Tests.Influence;

public sealed class InfluenceAnalysisTests
{
    private static readonly InfluenceOptions NoSearch = InfluenceOptions.Default with { SearchSmallestChange = false };

    /// <summary>
    /// The models that forecast from capability x salience weights alone, where an actor of zero
    /// capability can move nothing. Expected-utility style models let such an actor still widen the
    /// range of positions and make offers, so for them this is not a property (docs/stages.md).
    /// </summary>
    [Theory]
    [InlineData("compromise")]
    [InlineData("median")]
    [InlineData("nash")]
    public void RemovingAZeroCapabilityActor_ChangesNothing(string modelId)
    {
        var model = ModelCatalog.Find(modelId)!;
        ScenarioGen.Scenarios(minCapability: 1).Sample(scenario =>
        {
            var idle = new Actor { Id = "idle", Name = "Idle", Capability = 0 };
            var withIdle = scenario with
            {
                Actors = scenario.Actors.Insert(1, idle),
                Stances = scenario.Stances.AddRange(scenario.Issues.Select(i => new Stance { ActorId = "idle", IssueId = i.Id, Position = 100, Salience = 1 })),
            };
            var with = StagedForecaster.Run(withIdle, model, ModelOptions.Default);
            var without = StagedForecaster.Run(ScenarioEdits.WithoutActors(withIdle, ["idle"]), model, ModelOptions.Default);
            Assert.Equal(
                without.Final.Select(f => (f.IssueId, f.Forecast)),
                with.Final.Select(f => (f.IssueId, f.Forecast)));

            var influence = InfluenceAnalysis.Run(withIdle, model, ModelOptions.Default, NoSearch);
            Assert.All(influence.Issues, issue =>
            {
                var actor = issue.Actors.Single(a => a.ActorId == "idle");
                Assert.Equal(0, actor.AbsenceShift);
                // A tolerance, not rounding to 9 decimals: a value a rounding error from a rounding boundary would fail.
                Assert.Equal(0.0, actor.Shapley, 1e-9);
            });
        }, iter: 20);
    }

    [Fact]
    public void ExactShapley_SumsToForecastMinusReference()
    {
        ScenarioGen.Scenarios().Sample(scenario =>
        {
            var result = InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, NoSearch);
            Assert.All(result.Issues, issue =>
            {
                Assert.True(issue.ShapleyExact);
                Assert.Equal(issue.Forecast - issue.Reference, issue.Actors.Sum(a => a.Shapley), 1e-9);
            });
        }, iter: 50);
    }

    [Fact]
    public void SymmetricActors_GetEqualShapleyValues()
    {
        var scenario = TestScenarios.OneIssue(0, 100, 50, (10, 1, 5), (90, 1, 5), (50, 0.5, 2));
        var issue = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch).Issues.Single();
        var byId = issue.Actors.ToDictionary(a => a.ActorId);
        Assert.Equal(-byId["a0"].Shapley, byId["a1"].Shapley, 9);
    }

    [Fact]
    public void SampledShapley_IsSeededAndCloseToExact()
    {
        var scenario = ScenarioGen.Build([10, 20, 30, 40, 5], [0, 20, 50, 70, 100], [1, 0.8, 0.6, 0.4, 0.2], [30]);
        var exact = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch).Issues.Single();
        var sampledOptions = NoSearch with { ExactLimit = 2, Permutations = 2000, Seed = 7 };
        var sampled = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, sampledOptions).Issues.Single();
        var again = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, sampledOptions).Issues.Single();

        Assert.False(sampled.ShapleyExact);
        Assert.Equal(sampled.Actors.Select(a => a.Shapley), again.Actors.Select(a => a.Shapley));
        foreach (var actor in exact.Actors)
        {
            Assert.InRange(sampled.Actors.Single(a => a.ActorId == actor.ActorId).Shapley - actor.Shapley, -1.5, 1.5);
        }
    }

    [Fact]
    public void ExactShapley_HasNoStandardError()
    {
        var scenario = ScenarioGen.Build([10, 20, 30], [0, 50, 100], [1, 0.5, 0.8], [null]);
        var issue = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch).Issues.Single();
        Assert.True(issue.ShapleyExact);
        Assert.All(issue.Actors, a => Assert.Null(a.ShapleyStandardError));
    }

    [Fact]
    public void SampledShapley_StandardError_CoversTheExactValueAboutAsOftenAsItClaims()
    {
        // 40 seeds x 5 actors: the exact value should lie within 1.96 standard errors of about 95 % of
        // the estimates. Fixed seeds, so the count is fixed; a wrong spread (say the divisor P twice,
        // or no square root) would put it near 0 % or 100 %.
        var scenario = ScenarioGen.Build([10, 20, 30, 40, 5], [0, 20, 50, 70, 100], [1, 0.8, 0.6, 0.4, 0.2], [30]);
        var exact = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch).Issues.Single()
            .Actors.ToDictionary(a => a.ActorId, a => a.Shapley);
        var inside = 0;
        var checks = 0;
        for (var seed = 0UL; seed < 40; seed++)
        {
            var sampled = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch with { ExactLimit = 2, Permutations = 100, Seed = seed }).Issues.Single();
            foreach (var actor in sampled.Actors)
            {
                var error = Assert.NotNull(actor.ShapleyStandardError);
                Assert.True(error > 0, $"{actor.ActorId}: standard error {error}");
                inside += Math.Abs(actor.Shapley - exact[actor.ActorId]) <= 1.96 * error ? 1 : 0;
                checks++;
            }
        }

        Assert.InRange((double)inside / checks, 0.85, 0.995);
    }

    [Fact]
    public void SampledShapley_StandardError_ShrinksWithTheSquareRootOfTheOrders()
    {
        var scenario = ScenarioGen.Build([10, 20, 30, 40, 5], [0, 20, 50, 70, 100], [1, 0.8, 0.6, 0.4, 0.2], [30]);
        double[] ErrorsWith(int permutations) => [.. InfluenceAnalysis
            .Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch with { ExactLimit = 2, Permutations = permutations, Seed = 11 })
            .Issues.Single().Actors.OrderBy(a => a.ActorId, StringComparer.Ordinal).Select(a => a.ShapleyStandardError!.Value)];
        var few = ErrorsWith(400);
        var many = ErrorsWith(6400);
        for (var i = 0; i < few.Length; i++)
        {
            Assert.InRange(many[i] / few[i], 0.25 * 0.75, 0.25 * 1.25);
        }
    }

    [Fact]
    public void SampledShapley_ActorThatNeverMovesTheForecast_HasZeroStandardError_AndOneOrderGivesNone()
    {
        // An actor of zero capability adds nothing on joining, in every order: its contributions
        // have no spread. A single order shows no spread at all: NaN, not a made-up 0.
        var scenario = ScenarioGen.Build([10, 20, 0], [0, 50, 100], [1, 0.5, 0.8], [null]);
        var idle = scenario.Actors[2].Id;
        var issue = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch with { ExactLimit = 0, Permutations = 50 }).Issues.Single();
        Assert.Equal(0, issue.Actors.Single(a => a.ActorId == idle).ShapleyStandardError);
        Assert.All(issue.Actors.Where(a => a.ActorId != idle), a => Assert.True(a.ShapleyStandardError > 0));

        var one = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, NoSearch with { ExactLimit = 0, Permutations = 1 }).Issues.Single();
        Assert.All(one.Actors, a => Assert.True(double.IsNaN(a.ShapleyStandardError!.Value)));
    }

    [Theory]
    [InlineData("median")]
    [InlineData("nash")]
    public void SampledShapley_WithTheControl_StandardError_CoversTheExactValueAboutAsOftenAsItClaims(string modelId)
    {
        // The control (the weighted mean's contributions in the same orders, plus its own Shapley value)
        // must leave the estimate unbiased and its error honest for models that are not the weighted mean.
        var model = ModelCatalog.Find(modelId)!;
        var scenario = ScenarioGen.Build([10, 20, 30, 40, 5, 15], [0, 20, 50, 70, 100, 35], [1, 0.8, 0.6, 0.4, 0.2, 0.9], [30]);
        var exact = InfluenceAnalysis.Run(scenario, model, ModelOptions.Default, NoSearch).Issues.Single()
            .Actors.ToDictionary(a => a.ActorId, a => a.Shapley);
        var inside = 0;
        var checks = 0;
        for (var seed = 0UL; seed < 40; seed++)
        {
            var sampled = InfluenceAnalysis.Run(scenario, model, ModelOptions.Default, NoSearch with { ExactLimit = 2, Permutations = 100, Seed = seed }).Issues.Single();
            foreach (var actor in sampled.Actors)
            {
                var error = Assert.NotNull(actor.ShapleyStandardError);
                inside += Math.Abs(actor.Shapley - exact[actor.ActorId]) <= 1.96 * error ? 1 : 0;
                checks++;
            }
        }

        Assert.InRange((double)inside / checks, 0.85, 0.995);
    }

    [Theory]
    [InlineData("compromise", 0.2)]
    [InlineData("nash", 0.9)]
    public void SampledShapley_TheControl_LowersTheStandardError(string modelId, double mostRatio)
    {
        // The compromise model is the control game itself: only the control's own (many-order) error is
        // left. The Nash solution moves with the weighted mean, so the differences spread less than the
        // contributions.
        var model = ModelCatalog.Find(modelId)!;
        var scenario = ScenarioGen.Build([10, 20, 30, 40, 5, 15, 25], [0, 20, 50, 70, 100, 35, 90], [1, 0.8, 0.6, 0.4, 0.2, 0.9, 0.5], [30]);
        double MeanError(bool control) => InfluenceAnalysis
            .Run(scenario, model, ModelOptions.Default, NoSearch with { ExactLimit = 2, Permutations = 400, Seed = 5, ShapleyControl = control })
            .Issues.Single().Actors.Average(a => a.ShapleyStandardError!.Value);
        var plain = MeanError(control: false);
        var controlled = MeanError(control: true);
        Assert.True(controlled < mostRatio * plain, $"{modelId}: standard error {controlled} with the control, {plain} without");
    }

    [Theory]
    [InlineData("median")]
    [InlineData("nash")]
    public void SampledShapley_WithTheControl_StillApportionsTheWholeMove(string modelId)
    {
        // A fitted coefficient per player breaks the plain estimate's exact efficiency; the projection restores it.
        var scenario = ScenarioGen.Build([10, 20, 30, 40, 5, 15], [0, 50, 20, 40, 50, 60, 70, 20, 100, 90, 35, 10], [1, 0.5, 0.8, 0.9, 0.6, 0.3, 0.4, 1, 0.2, 0.7, 0.9, 0.8], [30, null]);
        var result = InfluenceAnalysis.Run(scenario, ModelCatalog.Find(modelId)!, ModelOptions.Default, NoSearch with { ExactLimit = 2, Permutations = 60, Seed = 4 });
        Assert.All(result.Issues, issue =>
        {
            Assert.False(issue.ShapleyExact);
            Assert.Equal(issue.Forecast - issue.Reference, issue.Actors.Sum(a => a.Shapley), 9);
        });
    }

    [Fact]
    public void SampledShapley_IssueTooWideForTheControl_IsThePlainEstimate()
    {
        // Positions this large would overflow the control's weighted sums: that issue gets no control, and
        // its values and errors are the plain estimator's to the bit (the errors overflow in both).
        var scenario = ScenarioGen.Build([10, 20, 30, 40], [-4e307, 50, 4e307, 60, 2e307, 70, -2e307, 80], [1, 1, 0.8, 0.5, 0.6, 0.7, 0.4, 1], [0, null]);
        scenario = scenario with
        {
            Issues = [scenario.Issues[0] with { ScaleMin = -1e308, ScaleMax = 1e308 }, scenario.Issues[1]],
        };
        var options = NoSearch with { ExactLimit = 2, Permutations = 60, Seed = 9 };
        var plain = InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, options with { ShapleyControl = false });
        var controlled = InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, options);

        var wide = (Plain: plain.Issues.Single(i => i.IssueId == "i0"), Controlled: controlled.Issues.Single(i => i.IssueId == "i0"));
        Assert.All(wide.Controlled.Actors, a => Assert.True(double.IsFinite(a.Shapley), a.ActorId));
        Assert.Equal(
            wide.Plain.Actors.Select(a => (a.ActorId, a.Shapley, a.ShapleyStandardError)),
            wide.Controlled.Actors.Select(a => (a.ActorId, a.Shapley, a.ShapleyStandardError)));
        var narrow = (Plain: plain.Issues.Single(i => i.IssueId == "i1"), Controlled: controlled.Issues.Single(i => i.IssueId == "i1"));
        Assert.NotEqual(
            narrow.Plain.Actors.Select(a => a.Shapley),
            narrow.Controlled.Actors.Select(a => a.Shapley));
    }

    [Fact]
    public void SmallestChange_CompromiseOfTwo_MatchesHandSolutions()
    {
        // Equal weights at 0 and 100, forecast 50. To move it by 5: a position moves by 10; the
        // other input must cut its own weight w to 1/w = 55/45 of the other's, i.e. w = 9/11. Searched
        // to the last bit (precision 0); SmallestChangeSearchTests checks the default precision.
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1));
        var issue = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, InfluenceOptions.Default with { Shift = 5, SearchPrecision = 0 }).Issues.Single();
        Assert.All(issue.Actors, actor =>
        {
            var byInput = actor.Changes.ToDictionary(c => c.Input);
            Assert.Equal(10, Math.Abs(byInput["position"].Change), 6);
            Assert.Equal(9.0 / 11, byInput["salience"].To, 6);
            Assert.Equal(9.0 / 11, byInput["capability"].To, 6);
            Assert.All(actor.Changes, c => Assert.Equal(5, Math.Abs(c.Forecast - issue.Forecast), 6));
            Assert.Equal(actor.Changes.Min(c => c.RelativeSize), actor.SmallestChange!.RelativeSize);
        });
    }

    [Fact]
    public void SmallestChange_UnreachableShift_IsNull()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 1, 1), (60, 1, 1));
        var issue = InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, InfluenceOptions.Default with { Shift = 1000 }).Issues.Single();
        Assert.All(issue.Actors, a => Assert.Null(a.SmallestChange));
    }

    [Fact]
    public void IssueFilter_ReportsTheSameNumbersAsTheFullAnalysis()
    {
        var scenario = ScenarioGen.Build([10, 20, 30], [0, 50, 40, 60, 100, 90], [1, 1, 0.5, 0.5, 1, 1], [null, 50]);
        var all = InfluenceAnalysis.Run(scenario, new NashBargainingModel(), ModelOptions.Default, InfluenceOptions.Default);
        var one = InfluenceAnalysis.Run(scenario, new NashBargainingModel(), ModelOptions.Default, InfluenceOptions.Default with { Issues = ["i1"] });

        var expected = all.Issues.Single(i => i.IssueId == "i1");
        var actual = Assert.Single(one.Issues);
        Assert.Equal(expected.Forecast, actual.Forecast);
        Assert.Equal(expected.Actors.Select(a => (a.ActorId, a.Shapley, a.AbsenceShift, a.SmallestChange)), actual.Actors.Select(a => (a.ActorId, a.Shapley, a.AbsenceShift, a.SmallestChange)));
    }

    [Theory]
    [InlineData("position")]
    [InlineData("salience", "capability")]
    public void SearchedInputs_OnlyThoseAreSearched_EachAsInTheFullSearch(params string[] inputs)
    {
        var scenario = ScenarioGen.Build([10, 20, 30], [0, 50, 40, 60, 100, 90], [1, 1, 0.5, 0.5, 1, 1], [null, 50]);
        var all = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, InfluenceOptions.Default);
        var some = InfluenceAnalysis.Run(scenario, new CompromiseModel(), ModelOptions.Default, InfluenceOptions.Default with { SearchedInputs = [.. inputs] });

        // The same Shapley values; the changes of the chosen inputs alone, each the one the full search finds; fewer runs.
        Assert.Equal(all.Issues.SelectMany(i => i.Actors).Select(a => a.Shapley), some.Issues.SelectMany(i => i.Actors).Select(a => a.Shapley));
        Assert.Equal(
            all.Issues.SelectMany(i => i.Actors).SelectMany(a => a.Changes).Where(c => inputs.Contains(c.Input)),
            some.Issues.SelectMany(i => i.Actors).SelectMany(a => a.Changes));
        Assert.NotEmpty(some.Issues.SelectMany(i => i.Actors).SelectMany(a => a.Changes));
        Assert.True(some.Runs < all.Runs, $"{some.Runs} runs searching {string.Join(", ", inputs)}, {all.Runs} searching all");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(1)]
    public void ParallelRun_EqualsSequentialRun_NumberForNumber(int exactLimit)
    {
        // Sequential: inside an outer worker the analysis runs every coalition and search in order on this thread.
        var scenario = ScenarioGen.Build([10, 20, 30, 25], [0, 50, 40, 60, 100, 90, 20, 70], [1, 1, 0.5, 0.5, 1, 1, 0.3, 0.8], [null, 50]);
        var options = InfluenceOptions.Default with { ExactLimit = exactLimit, Permutations = 50, Seed = 3 };
        var parallel = InfluenceAnalysis.Run(scenario, new NashBargainingModel(), ModelOptions.Default, options);
        InfluenceResult sequential;
        using (NestedParallelism.Enter())
        {
            sequential = InfluenceAnalysis.Run(scenario, new NashBargainingModel(), ModelOptions.Default, options);
        }

        Assert.Equal(sequential.Runs, parallel.Runs);
        Assert.Equal(sequential.Issues.Length, parallel.Issues.Length);
        for (var k = 0; k < sequential.Issues.Length; k++)
        {
            Assert.Equal(
                sequential.Issues[k].Actors.Select(a => (a.ActorId, a.Shapley, a.AbsenceShift, string.Join(";", a.Changes))),
                parallel.Issues[k].Actors.Select(a => (a.ActorId, a.Shapley, a.AbsenceShift, string.Join(";", a.Changes))));
        }

        Assert.Contains(parallel.Issues, i => i.Actors.Any(a => !a.Changes.IsEmpty));
    }

    [Fact]
    public void Run_RejectsANonPositiveShift()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 1, 1), (60, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, InfluenceOptions.Default with { Shift = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, InfluenceOptions.Default with { Shift = double.NaN }));
    }

    [Fact]
    public void Run_RejectsAnInputThatIsNone()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 1, 1), (60, 1, 1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, InfluenceOptions.Default with { SearchedInputs = ["position", "weight"] }));
        Assert.Contains("position, salience, capability", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PhaseProgress_CountsEveryCoalitionRunThenEverySearch()
    {
        // Three players on one issue, at most 12 for exact values: the 2^3 coalitions; the compromise
        // model reads all three inputs of each of the three stances: 9 searches.
        var scenario = ScenarioGen.Build([10, 20, 30], [0, 50, 100], [1, 0.5, 0.8], [null]);
        var reports = new System.Collections.Concurrent.ConcurrentQueue<InfluenceProgress>();
        var result = InfluenceAnalysis.Run(
            scenario, new CompromiseModel(), ModelOptions.Default, InfluenceOptions.Default with { PhaseProgress = new Relay<InfluenceProgress>(reports.Enqueue) });

        var coalitions = reports.TakeWhile(r => r.Phase == InfluencePhase.Coalitions).ToList();
        var searches = reports.Skip(coalitions.Count).ToList();
        Assert.Equal(new InfluenceProgress(InfluencePhase.Coalitions, 0, 8), coalitions[0]);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (long)i), coalitions.Select(r => r.Done).Order());
        Assert.All(coalitions, r => Assert.Equal(8, r.Total));
        Assert.Equal(new InfluenceProgress(InfluencePhase.Searches, 0, 9), searches[0]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), searches.Select(r => r.Done).Order());
        Assert.All(searches, r => Assert.Equal((InfluencePhase.Searches, 9L), (r.Phase, r.Total)));
        Assert.False(result.Partial);
    }

    [Fact]
    public void PhaseProgress_WithoutTheSearch_ReportsTheCoalitionsAlone()
    {
        var scenario = ScenarioGen.Build([10, 20, 30, 40], [0, 50, 100, 20], [1, 0.5, 0.8, 0.3], [null]);
        var reports = new System.Collections.Concurrent.ConcurrentQueue<InfluenceProgress>();
        InfluenceAnalysis.Run(scenario, new MedianModel(), ModelOptions.Default, NoSearch with { PhaseProgress = new Relay<InfluenceProgress>(reports.Enqueue) });
        Assert.All(reports, r => Assert.Equal((InfluencePhase.Coalitions, 16L), (r.Phase, r.Total)));
        Assert.Equal(16, reports.Max(r => r.Done));
    }

    private sealed class Relay<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
