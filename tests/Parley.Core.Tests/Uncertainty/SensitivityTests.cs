using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models.Baseline;
using Parley.Core.Uncertainty;

namespace Parley.Core.Tests.Uncertainty;

public sealed class SensitivityTests
{
    [Fact]
    public void Compromise_TornadoSwings_AreTheAnalyticWeightedShares()
    {
        // Weights c*s: a = 3*1 = 3, b = 1*1 = 1. Forecast = (3 xa + xb) / 4.
        // Only positions vary (±10 % of 100): a's swing is 3/4 * 20 = 15, b's is 1/4 * 20 = 5.
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 1, 3), (80, 1, 1)) with { DefaultSpread = new DefaultSpread(0.1, 0, 0) };
        var result = Sensitivity.Run(scenario, new CompromiseModel(), new SensitivityOptions { Draws = 2_000 });
        var issue = Assert.Single(result.Issues);
        Assert.Equal(50, issue.Estimate, 12);
        Assert.Equal(2, issue.Bars.Length);
        Assert.Equal("a0 position on issue", issue.Bars[0].Input.Label);
        Assert.Equal(15, issue.Bars[0].Swing, 9);
        Assert.Equal(42.5, issue.Bars[0].ForecastAtLow, 9);
        Assert.Equal(5, issue.Bars[1].Swing, 9);
        Assert.True(issue.Bars[0].RankCorrelation > 0.9);
        Assert.True(issue.Bars[1].RankCorrelation is > 0 and < 0.5);
        Assert.False(result.Partial);
        Assert.Equal(2_000, result.Draws);
    }

    [Fact]
    public void LowerSalienceOfTheActorPullingUp_MovesTheForecastDown()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (20, 0.5, 1), (90, 0.5, 1)) with { DefaultSpread = new DefaultSpread(0, 0.2, 0) };
        var result = Sensitivity.Run(scenario, new CompromiseModel(), new SensitivityOptions { Draws = 0 });
        var bar = result.Issues[0].Bars.Single(b => b.Input.ActorId == "a1");
        Assert.Equal(UncertainInputKind.Salience, bar.Input.Kind);
        Assert.True(bar.ForecastAtLow < result.Issues[0].Estimate);
        Assert.True(bar.ForecastAtHigh > result.Issues[0].Estimate);
        Assert.Null(bar.RankCorrelation);
        Assert.Equal(0, result.Draws);
    }

    [Fact]
    public void SameSeed_OneAndTwoThreads_GiveIdenticalTables()
    {
        var scenario = TestScenarios.OneIssue(0, 100, 30, (10, 0.7, 2), (55, 0.4, 5), (90, 0.9, 1));
        var options = new SensitivityOptions { Draws = 3_001, Seed = 4, Threads = 1 };
        var json = JsonSerializer.Serialize(Sensitivity.Run(scenario, new NashBargainingModel(), options));
        Assert.Equal(json, JsonSerializer.Serialize(Sensitivity.Run(scenario, new NashBargainingModel(), options with { Threads = 2 })));
    }

    [Fact]
    public void Bars_AreRankedByDecreasingSwing()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (10, 0.7, 2), (55, 0.4, 5), (90, 0.9, 1));
        var bars = Sensitivity.Run(scenario, new MedianModel(), new SensitivityOptions { Draws = 500 }).Issues[0].Bars;
        Assert.Equal(9, bars.Length); // 3 capabilities, 3 positions, 3 saliences
        for (var i = 1; i < bars.Length; i++)
        {
            Assert.True(bars[i - 1].Swing >= bars[i].Swing);
        }
    }

    [Fact]
    public void Cancelled_ReturnsAPartialResultInsteadOfThrowing()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (10, 0.7, 2), (55, 0.4, 5));
        var result = Sensitivity.Run(scenario, new CompromiseModel(), new SensitivityOptions { Draws = 100 }, new CancellationToken(canceled: true));
        Assert.True(result.Partial);
        Assert.Equal(0, result.Draws);
        Assert.Empty(result.Issues[0].Bars);
    }

    [Fact]
    public void Progress_CountsTheSwingsThenTheDraws_UpToModelRuns()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (10, 0.7, 2), (55, 0.4, 5));
        var progress = new Latest();
        var options = new SensitivityOptions { Draws = 700, Threads = 2, Progress = progress };
        Sensitivity.Run(scenario, new CompromiseModel(), options);
        Assert.Equal((2 * 6) + 700, Sensitivity.ModelRuns(scenario, options));
        Assert.Equal(Sensitivity.ModelRuns(scenario, options), progress.Max);
    }

    private sealed class Latest : IProgress<long>
    {
        private long max;

        public long Max => Interlocked.Read(ref max);

        public void Report(long value)
        {
            long seen;
            while ((seen = Interlocked.Read(ref max)) < value && Interlocked.CompareExchange(ref max, value, seen) != seen)
            {
            }
        }
    }
}
