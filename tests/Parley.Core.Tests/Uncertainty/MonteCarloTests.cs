using System.Collections.Immutable;
using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Scoring;
using Parley.Core.Uncertainty;

namespace Parley.Core.Tests.Uncertainty;

public sealed class MonteCarloTests
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Two issues, four actors with capabilities, one stance with its own normal range and one with a uniform range.</summary>
    private static Scenario TwoIssues()
    {
        var issues = ImmutableArray.Create(
            new Issue { Id = "land", Name = "Land", ScaleMin = 0, ScaleMax = 100, StatusQuo = 30 },
            new Issue { Id = "money", Name = "Money", ScaleMin = -10, ScaleMax = 10 });
        var actors = ImmutableArray.Create(
            new Actor { Id = "a", Name = "A", Capability = 40, CapabilityRange = new ValueRange(30, 50) },
            new Actor { Id = "b", Name = "B", Capability = 30 },
            new Actor { Id = "c", Name = "C", Capability = 20 },
            new Actor { Id = "d", Name = "D", Capability = 10 });
        var stances = ImmutableArray.Create(
            new Stance { ActorId = "a", IssueId = "land", Position = 90, Salience = 0.8, PositionRange = new ValueRange(70, 100, 8) },
            new Stance { ActorId = "b", IssueId = "land", Position = 10, Salience = 0.9, SalienceRange = new ValueRange(0.5, 1) },
            new Stance { ActorId = "c", IssueId = "land", Position = 50, Salience = 0.3 },
            new Stance { ActorId = "d", IssueId = "land", Position = 0, Salience = 1 },
            new Stance { ActorId = "a", IssueId = "money", Position = -8, Salience = 0.4 },
            new Stance { ActorId = "b", IssueId = "money", Position = 6, Salience = 0.7, Capability = 5 },
            new Stance { ActorId = "d", IssueId = "money", Position = 9, Salience = 0.2 });
        return new Scenario { Id = "two", Title = "Two issues", Issues = issues, Actors = actors, Stances = stances };
    }

    private static string ToJson(MonteCarloResult result) => JsonSerializer.Serialize(result, Json);

    [Theory]
    [InlineData("compromise")]
    [InlineData("median")]
    [InlineData("nash")]
    public void SameSeed_OneAndManyThreads_GiveByteIdenticalJson(string modelId)
    {
        var model = ModelCatalog.Find(modelId)!;
        var options = new MonteCarloOptions { Draws = 5_003, Seed = 17, Threads = 1 };
        var single = ToJson(MonteCarlo.Run(TwoIssues(), model, options));
        Assert.Equal(single, ToJson(MonteCarlo.Run(TwoIssues(), model, options with { Threads = 2 })));
        Assert.Equal(single, ToJson(MonteCarlo.Run(TwoIssues(), model, options with { Threads = 7 })));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentDraws()
    {
        var options = new MonteCarloOptions { Draws = 1_000, Seed = 1 };
        var first = MonteCarlo.Run(TwoIssues(), new CompromiseModel(), options);
        var second = MonteCarlo.Run(TwoIssues(), new CompromiseModel(), options with { Seed = 2 });
        Assert.NotEqual(first.Issues[0].Mean, second.Issues[0].Mean);
    }

    [Theory]
    [InlineData("compromise")]
    [InlineData("median")]
    [InlineData("nash")]
    public void PerIssueFastPath_EqualsRunningTheModelOnEachDrawsScenario(string modelId)
    {
        var model = ModelCatalog.Find(modelId)!;
        var options = new MonteCarloOptions { Draws = 2_000, Seed = 5, Threads = 2 };
        Assert.Equal(
            ToJson(MonteCarlo.Run(TwoIssues(), model, options)),
            ToJson(MonteCarlo.Run(TwoIssues(), model, options with { AlwaysBuildScenarios = true })));
    }

    [Fact]
    public void Compromise_OnePositionUniform_HasTheAnalyticMeanAndQuantiles()
    {
        // Weights 1 and 1; actor a's position uniform on [40, 60], b fixed at 0: forecast = x/2, uniform on [20, 30].
        var scenario = TestScenarios.OneIssue(0, 100, null, (50, 1, 1), (0, 1, 1)) with { DefaultSpread = DefaultSpread.None };
        scenario = scenario with
        {
            Stances = [scenario.Stances[0] with { PositionRange = new ValueRange(40, 60) }, scenario.Stances[1]],
        };
        var result = MonteCarlo.Run(scenario, new CompromiseModel(), new MonteCarloOptions { Draws = 200_000, Seed = 3 });
        var issue = Assert.Single(result.Issues);
        Assert.Equal(25, issue.Estimate, 12);
        Assert.Equal(25, issue.Mean, 0.02); // SE = (10/√12)/√2e5 = 0.0065
        Assert.Equal(10 / Math.Sqrt(12), issue.StandardDeviation, 0.02);
        Assert.InRange(issue.Min, 20, 20.01);
        Assert.InRange(issue.Max, 29.99, 30);
        for (var q = 0; q < MonteCarlo.QuantileProbabilities.Length; q++)
        {
            var p = MonteCarlo.QuantileProbabilities[q];
            Assert.Equal(20 + (10 * p), issue.Quantiles[q].Value, 0.05);
        }

        Assert.Equal(200_000, issue.Histogram.Sum(bin => bin.Count));
        Assert.Equal(0, issue.Histogram[0].Low);
        Assert.Equal(100, issue.Histogram[^1].High);
        Assert.Equal(0.01, issue.QuantilePrecision, 12);
    }

    [Fact]
    public void KeepDraws_UniformForecast_ScoresTheAnalyticCrpsAndIntervals_OnAnyThreadCount()
    {
        // As above: the forecast is uniform on [20, 30]. CRPS(U[a, b], x) = (b - a)(u^3 + (1 - u)^3) / 3, u = (x - a)/(b - a): 10/12 at the centre.
        var scenario = TestScenarios.OneIssue(0, 100, null, (50, 1, 1), (0, 1, 1)) with { DefaultSpread = DefaultSpread.None };
        scenario = scenario with
        {
            Stances = [scenario.Stances[0] with { PositionRange = new ValueRange(40, 60) }, scenario.Stances[1]],
        };
        var options = new MonteCarloOptions { Draws = 40_000, Seed = 11, KeepDraws = true, Threads = 1 };
        var issue = Assert.Single(MonteCarlo.Run(scenario, new CompromiseModel(), options).Issues);
        Assert.Equal(40_000, issue.SortedDraws.Length);
        Assert.True(issue.SortedDraws.SequenceEqual(issue.SortedDraws.Order()));
        var score = ForecastScore.OfDistribution(issue, 25);
        Assert.Equal(10.0 / 12.0, score.Crps!.Value, 0.02);
        Assert.Equal(0, score.AbsoluteError, 12);
        Assert.Equal([21.0, 29.0], new[] { score.Intervals[1].Interval.Lower, score.Intervals[1].Interval.Upper }, new ToleranceComparer(0.05));
        Assert.All(score.Intervals, hit => Assert.True(hit.Inside));

        var threaded = Assert.Single(MonteCarlo.Run(scenario, new CompromiseModel(), options with { Threads = 3 }).Issues);
        Assert.True(issue.SortedDraws.SequenceEqual(threaded.SortedDraws));
        Assert.Empty(Assert.Single(MonteCarlo.Run(scenario, new CompromiseModel(), options with { KeepDraws = false }).Issues).SortedDraws);
        Assert.Throws<ArgumentException>(() => ForecastScore.OfDistribution(threaded with { SortedDraws = [] }, 25));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void Forecasts_StayOnTheScale_AndDrawnInputsInTheirIntervals()
    {
        var scenario = TwoIssues();
        var sampler = new ScenarioSampler(scenario, DefaultSpread.Uniform(0.5));
        var values = new double[sampler.InputCount];
        for (ulong draw = 0; draw < 2_000; draw++)
        {
            var random = Parley.Core.Numerics.Xoshiro256StarStar.ForStream(8, draw);
            sampler.Draw(ref random, values);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.InRange(values[i], sampler.Inputs[i].Low, sampler.Inputs[i].High);
            }
        }

        var result = MonteCarlo.Run(scenario, new NashBargainingModel(), new MonteCarloOptions { Draws = 2_000, Spread = DefaultSpread.Uniform(0.5) });
        foreach (var (issue, distribution) in scenario.Issues.Zip(result.Issues))
        {
            Assert.InRange(distribution.Min, issue.ScaleMin, issue.ScaleMax);
            Assert.InRange(distribution.Max, issue.ScaleMin, issue.ScaleMax);
        }
    }

    [Fact]
    public void Cancelled_ReturnsAPartialResultEqualToTheSameNumberOfDraws()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAfter(cancellation, 3_000);
        var options = new MonteCarloOptions { Draws = 1_000_000, Seed = 11, Threads = 2, Progress = progress };
        var partial = MonteCarlo.Run(TwoIssues(), new MedianModel(), options, cancellation.Token);
        Assert.True(partial.Partial);
        Assert.InRange(partial.Draws, 3_000, 999_999);

        var full = MonteCarlo.Run(TwoIssues(), new MedianModel(), options with { Draws = partial.Draws, Progress = null });
        Assert.False(full.Partial);
        Assert.Equal(ToJson(full with { DrawsRequested = 0 }), ToJson(partial with { DrawsRequested = 0, Partial = false }));
    }

    [Fact]
    public void CancelledBeforeStart_ReturnsNoIssuesAndIsPartial()
    {
        var result = MonteCarlo.Run(TwoIssues(), new CompromiseModel(), new MonteCarloOptions { Draws = 100 }, new CancellationToken(true));
        Assert.True(result.Partial);
        Assert.Equal(0, result.Draws);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void DynamicModel_ReportsTheSpreadOfRounds()
    {
        var result = MonteCarlo.Run(TwoIssues(), new RoundsFromPosition(), new MonteCarloOptions { Draws = 4_000, Threads = 2 });
        var rounds = Assert.IsType<RoundsDistribution>(result.Rounds);
        Assert.Equal(4_000, rounds.Counts.Sum(c => c.Draws));
        Assert.InRange(rounds.Min, 7, 10);
        Assert.InRange(rounds.Max, 7, 10);
        Assert.True(rounds.Min < rounds.Max);
        Assert.Equal(rounds.Counts.Where(c => c.Rounds < 10).Sum(c => c.Draws) / 4_000.0, rounds.ConvergedShare, 12);
        Assert.Null(MonteCarlo.Run(TwoIssues(), new CompromiseModel(), new MonteCarloOptions { Draws = 10 }).Rounds);
    }

    [Fact]
    public void SpreadNone_WithoutRanges_GivesTheEstimateInEveryDraw()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (20, 0.5, 3), (70, 0.9, 1));
        var result = MonteCarlo.Run(scenario, new CompromiseModel(), new MonteCarloOptions { Draws = 50, Spread = DefaultSpread.None });
        Assert.Empty(result.Inputs);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(issue.Estimate, issue.Mean, 12);
        Assert.Equal(0, issue.StandardDeviation, 12);
    }

    [Fact]
    public void ScenarioSpread_IsUsedUnlessTheCallerOverridesIt()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (20, 0.5, 3), (70, 0.9, 1)) with { DefaultSpread = new DefaultSpread(0.2, 0, 0) };
        var sampler = new ScenarioSampler(scenario, new MonteCarloOptions().SpreadFor(scenario));
        Assert.Equal(2, sampler.InputCount);
        Assert.All(sampler.Inputs, input => Assert.Equal(UncertainInputKind.Position, input.Kind));
        Assert.Equal((0.0, 40.0), (sampler.Inputs[0].Low, sampler.Inputs[0].High));
        Assert.Equal((50.0, 90.0), (sampler.Inputs[1].Low, sampler.Inputs[1].High));
        Assert.Equal(DefaultSpread.Standard, new MonteCarloOptions().SpreadFor(scenario with { DefaultSpread = null }));
        Assert.Equal(DefaultSpread.None, new MonteCarloOptions { Spread = DefaultSpread.None }.SpreadFor(scenario));
    }

    [Fact]
    public void DefaultSpread_IsTruncatedToTheValidRanges()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (95, 0.98, 10));
        var sampler = new ScenarioSampler(scenario, DefaultSpread.Standard);
        var byKind = sampler.Inputs.ToDictionary(i => i.Kind);
        Assert.Equal((9.0, 11.0), (byKind[UncertainInputKind.Capability].Low, byKind[UncertainInputKind.Capability].High));
        Assert.Equal((85.0, 100.0), (byKind[UncertainInputKind.Position].Low, byKind[UncertainInputKind.Position].High));
        Assert.Equal(0.88, byKind[UncertainInputKind.Salience].Low, 12);
        Assert.Equal(1.0, byKind[UncertainInputKind.Salience].High);
        Assert.All(sampler.Inputs, input => Assert.True(input.FromDefaultSpread));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, -1)]
    [InlineData(10, 2000)]
    public void BadOptions_Throw(int draws, int threads) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MonteCarlo.Run(TwoIssues(), new CompromiseModel(), new MonteCarloOptions { Draws = draws, Threads = threads }));

    [Fact]
    public void BadModelOption_SurfacesAsModelOptionException() =>
        Assert.Throws<ModelOptionException>(() => MonteCarlo.Run(
            TwoIssues(), new NashBargainingModel(),
            new MonteCarloOptions { Draws = 10, ModelOptions = ModelOptions.Default.WithParameter("utility", "cubic") }));

    /// <summary>Cancels once the run has merged at least the given number of draws.</summary>
    private sealed class CancelAfter(CancellationTokenSource source, long draws) : IProgress<long>
    {
        public void Report(long value)
        {
            if (value >= draws)
            {
                source.Cancel();
            }
        }
    }

    /// <summary>A fake dynamic model: forecasts the compromise, and runs 7–10 rounds depending on actor a's land position.</summary>
    private sealed class RoundsFromPosition : IModel
    {
        public ModelInfo Info { get; } = new("rounds", "Rounds", "test", "test");

        public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default)
        {
            var baseline = new CompromiseModel().Run(scenario, options, cancellationToken);
            var position = scenario.FindStance("a", "land")!.Position;
            var rounds = 7 + (int)Math.Min(3, (position - 70) / 10);
            return baseline with { RoundsRun = rounds, Converged = rounds < 10 };
        }
    }
}
