using Parley.Core.Backtesting;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Backtesting;

public sealed class CalibrationTests
{
    /// <summary>One-issue cases: two actors at 40 and 60, outcome given; compromise forecasts 50 with draws around it.</summary>
    private static BacktestCase[] Cases(params double[] outcomes) =>
    [
        .. outcomes.Select((outcome, i) =>
        {
            var scenario = TestScenarios.OneIssue(0, 100, null, (40, 1, 1), (60, 1, 1));
            return new BacktestCase($"c{i}", scenario with { Id = $"c{i}", Issues = [scenario.Issues[0] with { Outcome = outcome }] }, $"g{i}");
        }),
    ];

    private static readonly BacktestModel Compromise = new(new CompromiseModel(), ModelOptions.Default);

    [Fact]
    public void Run_OutcomesOnTheForecast_AreInsideEveryIntervalAndWiderSpreadsCostCrps()
    {
        var result = Calibration.Run(Cases(50, 50, 50, 50), Compromise, new CalibrationOptions { Draws = 200, Spreads = [0.05, 0.5], Folds = 2 });

        Assert.Equal(4, result.Count);
        Assert.All(result.BySpread, s => Assert.All(s.Coverage, c => Assert.Equal(1.0, c.Share)));
        Assert.Equal([0.5, 0.8, 0.9], result.Coverage.Select(c => c.Level));

        // Both spreads cover every outcome (a tie in calibration), so the narrower wins; it also has the lower CRPS.
        Assert.Equal(0.05, result.ChosenSpread);
        Assert.True(result.BySpread[0].MeanCrps < result.BySpread[1].MeanCrps);
    }

    [Fact]
    public void Run_OutcomesFarFromTheForecast_ChooseTheWiderSpreadInEveryFold()
    {
        // Outcomes 12 points off: the ±5% spread's intervals miss them all; the ±50% one holds some.
        var result = Calibration.Run(Cases(62, 38, 62, 38, 62, 38), Compromise, new CalibrationOptions { Draws = 200, Spreads = [0.05, 0.5], Folds = 3 });

        Assert.All(result.BySpread[0].Coverage, c => Assert.Equal(0, c.Inside));
        Assert.Equal(0.5, result.ChosenSpread);
        Assert.All(result.SpreadPerFold, s => Assert.Equal(0.5, s));
        Assert.True(result.Coverage.Last().Share > 0);
    }

    [Fact]
    public void Run_SameSeed_SameResult()
    {
        var options = new CalibrationOptions { Draws = 50, Spreads = [0.1, 0.3], Folds = 2, Seed = 9 };
        var cases = Cases(45, 58, 51);

        var first = Calibration.Run(cases, Compromise, options);
        var second = Calibration.Run(cases, Compromise, options);

        Assert.Equal(first.MeanCrps, second.MeanCrps);
        Assert.Equal(first.Coverage.ToArray(), second.Coverage.ToArray());
    }

    [Fact]
    public void Run_TooFewDraws_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Run(Cases(50), Compromise, new CalibrationOptions { Draws = 5 }));
}
