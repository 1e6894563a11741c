using System.Collections.Immutable;
using Parley.Core.Backtesting;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Backtesting;

public sealed class NormalizedConformalTests
{
    private static IssueError Error(string group, double error, double difficulty, double forecastPoints = double.NaN) =>
        new(group, group, "i", 50, 50 + error, error) { Difficulty = difficulty, ForecastPoints = forecastPoints };

    [Fact]
    public void IssueDifficulty_TwoActors_IsTheWeightedStandardDeviationInPointsOfZeroToHundred()
    {
        // Positions 0 and 100, equal weights: mean 50, SD 50.
        Assert.Equal(50, ConformalScale.IssueDifficulty(TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1)), Issue(0, 100)), 12);

        // Weights 3:1 (salience 1 × capability 3 against 1 × 1): mean 25, variance (3·25² + 75²) / 4 = 1875.
        var weighted = TestScenarios.OneIssue(0, 100, null, (0, 1, 3), (100, 1, 1));
        Assert.Equal(Math.Sqrt(1875), ConformalScale.IssueDifficulty(weighted, weighted.Issues[0]), 12);

        // Salience weighs like capability: 0.75 against 0.25 is the same 3:1.
        var salient = TestScenarios.OneIssue(0, 100, null, (0, 0.75, 1), (100, 0.25, 1));
        Assert.Equal(Math.Sqrt(1875), ConformalScale.IssueDifficulty(salient, salient.Issues[0]), 12);

        // Rescaled: the same positions on a 0-10 scale give the same points.
        var small = TestScenarios.OneIssue(0, 10, null, (0, 1, 3), (10, 1, 1));
        Assert.Equal(Math.Sqrt(1875), ConformalScale.IssueDifficulty(small, small.Issues[0]), 12);

        // One actor, or everyone agreeing: no spread.
        var alone = TestScenarios.OneIssue(0, 100, null, (30, 1, 1));
        Assert.Equal(0, ConformalScale.IssueDifficulty(alone, alone.Issues[0]));
    }

    private static Parley.Core.Domain.Issue Issue(double min, double max) => new() { Id = "issue", Name = "Issue", ScaleMin = min, ScaleMax = max };

    [Fact]
    public void Scale_PlainIsOneAndPositionSpreadAddsItsFloor()
    {
        Assert.Equal(1, ConformalScale.Plain.Of(37));
        Assert.Equal(42, ConformalScale.PositionSpread.Of(37));
        Assert.Equal(5, ConformalScale.PositionSpread.Of(0));
        Assert.Null(ConformalScale.From("position-spread", 0));
        Assert.Null(ConformalScale.From("position-spread", double.NaN));
        Assert.Null(ConformalScale.From("none", 3));
        Assert.Null(ConformalScale.From("variance", 5));
        Assert.Equal(ConformalScale.PositionSpread, ConformalScale.From("position-spread", 5));
    }

    [Fact]
    public void Run_ErrorsProportionalToSpread_NormalizedIntervalsAreNarrowWhereTheSpreadIsSmall()
    {
        // Nine proposals, one issue each; issue g has spread 2g (s = 2g + 5 with the floor) and error ±(2g + 5):
        // every normalized score is 1, so q = 1 at every level on all the data, and each interval is exactly ± s.
        // The plain 90% half-width is the ⌈10 · 0.9⌉ = 9th smallest |error|, 23, the same for every issue.
        IssueError[] errors = [.. Enumerable.Range(1, 9).Select(g => Error($"p{g}", g % 2 == 0 ? (2 * g) + 5 : -((2 * g) + 5), 2 * g, 50))];

        var normalized = ConformalIntervals.Run("m", errors, 9, ConformalScale.PositionSpread)!;
        var plain = ConformalIntervals.Run("m", errors, 9)!;

        Assert.Equal(ConformalScale.PositionSpread, normalized.Scale);
        Assert.All(normalized.Levels, level => Assert.Equal(1, level.HalfWidth, 12));
        Assert.All(normalized.Levels, level => Assert.Equal(9, level.Inside));
        Assert.Equal(23, plain.Levels.Single(l => l.Level == 0.9).HalfWidth);

        // Held out, each proposal is calibrated on the other eight scores (all 1). At 50% the rank is
        // ⌈9 · 0.5⌉ = 5, q = 1, and issue g's interval is 50 ± (2g + 5): mean width 2 · (2 · 5 + 5) = 30.
        var held50 = normalized.Levels.Single(l => l.Level == 0.5);
        Assert.Equal(30, held50.MeanHeldOutWidth, 12);

        // At 90% the rank ⌈9 · 0.9⌉ = 9 exceeds the eight scores: q is infinite and the interval the whole scale, width 100.
        Assert.Equal(100, normalized.Levels.Single(l => l.Level == 0.9).MeanHeldOutWidth, 12);
    }

    [Fact]
    public void Run_NormalizedWithoutDifficulty_Throws()
    {
        IssueError[] errors = [new("a", "a", "i", 0, 1, 1), new("b", "b", "i", 0, 1, 1)];

        Assert.Throws<ArgumentException>(() => ConformalIntervals.Run("m", errors, 2, ConformalScale.PositionSpread));
    }

    [Fact]
    public void Run_ByDifficulty_SplitsEveryLevelIntoTercilesThatAddUp()
    {
        IssueError[] errors = [.. Enumerable.Range(0, 30).Select(i => Error($"p{i % 10}", (i * 37 % 23) - 11.5, i))];

        var result = ConformalIntervals.Run("m", errors, 10, ConformalScale.PositionSpread)!;

        Assert.Equal([10.0, 20.0], result.DifficultyCuts.ToArray());
        foreach (var level in result.Levels)
        {
            var strata = result.ByDifficulty.Where(s => s.Level == level.Level).ToList();
            Assert.Equal([0, 1, 2], strata.Select(s => s.Tercile));
            Assert.All(strata, s => Assert.Equal(10, s.Count));
            Assert.Equal(level.Inside, strata.Sum(s => s.Inside));
        }
    }

    [Fact]
    public void IntervalsFor_HandWorked_IsForecastPlusMinusQuantileTimesScaleClippedToTheIssue()
    {
        // Positions 0 and 100 with equal weights: spread 50, s = 55. q(80%) = 0.8 gives ± 44 points.
        var conformal = new ConformalCalibration
        {
            Model = "compromise",
            Folds = 10,
            Count = 180,
            Scale = ConformalScale.PositionSpread,
            Levels = [new ConformalLevel(0.5, 0.4, double.NaN, 90, 180), new ConformalLevel(0.8, 0.8, double.NaN, 145, 180), new ConformalLevel(0.9, double.PositiveInfinity, double.NaN, 162, 180)],
        };
        var entry = new IntervalCalibrationEntry("compromise", string.Empty, "proposal", conformal);
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1));

        var intervals = entry.IntervalsFor(scenario, scenario.Issues[0], 50);

        Assert.Equal([0.5, 0.8, 0.9], intervals.Select(i => i.Level));
        Assert.Equal(28, intervals[0].Low, 12);
        Assert.Equal(72, intervals[0].High, 12);
        Assert.Equal(6, intervals[1].Low, 12);
        Assert.Equal(94, intervals[1].High, 12);
        Assert.Equal((0.0, 100.0), (intervals[2].Low, intervals[2].High)); // an infinite quantile is the whole scale
        Assert.Equal(145.0 / 180, intervals[1].HeldOutCoverage, 12);

        // Near the end of the scale the interval is clipped to it.
        var high = entry.IntervalsFor(scenario, scenario.Issues[0], 80);
        Assert.Equal((36.0, 100.0), (high[1].Low, high[1].High));

        // On a 0-10 scale the same positions give the same interval in the issue's units: 5 ± 4.4.
        var small = TestScenarios.OneIssue(0, 10, null, (0, 1, 1), (10, 1, 1));
        var scaled = entry.IntervalsFor(small, small.Issues[0], 5);
        Assert.Equal(0.6, scaled[1].Low, 12);
        Assert.Equal(9.4, scaled[1].High, 12);
    }

    [Fact]
    public void For_PrefersProposalModeAndTheNormalizedScale_AndMatchesOptions()
    {
        ConformalCalibration Calibration(ConformalScale scale) => new() { Model = "compromise", Folds = 2, Count = 4, Scale = scale, Levels = [] };
        var calibration = new IntervalCalibration
        {
            Dataset = "d",
            Entries =
            [
                new IntervalCalibrationEntry("compromise", string.Empty, "issue", Calibration(ConformalScale.PositionSpread)),
                new IntervalCalibrationEntry("compromise", string.Empty, "proposal", Calibration(ConformalScale.Plain)),
                new IntervalCalibrationEntry("compromise", string.Empty, "proposal", Calibration(ConformalScale.PositionSpread)),
            ],
        };

        var chosen = calibration.For("compromise", string.Empty)!;

        Assert.Equal(("proposal", ConformalScale.PositionSpreadKind), (chosen.Mode, chosen.Conformal.Scale.Kind));
        Assert.Null(calibration.For("compromise", "rounds=5"));
        Assert.Null(calibration.For("median", string.Empty));
    }

    [Fact]
    public void Backtester_Score_RecordsEachIssuesDifficultyAndForecastOnZeroToHundred()
    {
        // Positions 0 and 10 on 0-10, equal weights: spread 50 points; compromise forecasts 5, i.e. 50 points.
        var scenario = TestScenarios.OneIssue(0, 10, null, (0, 1, 1), (10, 1, 1));
        scenario = scenario with { Issues = [scenario.Issues[0] with { Outcome = 7 }] };

        var error = Backtester.Score(new BacktestCase("c", scenario, "g"), new BacktestModel(new CompromiseModel(), ModelOptions.Default)).Single();

        Assert.Equal(50, error.Difficulty, 12);
        Assert.Equal(50, error.ForecastPoints, 12);
        Assert.Equal(-20, error.Error, 12);
    }

    [Fact]
    public void FromBacktest_ListsNormalizedThenPlainForEveryModelAndMode()
    {
        var conformal = new ConformalCalibration { Model = "compromise", Folds = 2, Count = 4, Levels = [] };
        var accuracy = new ModelAccuracy
        {
            Model = "compromise", Options = string.Empty, Count = 4, MeanAbsoluteError = 1, MedianAbsoluteError = 1, Within10 = 1, MeanError = 0,
            MeanErrorVsCompromise = 0, BeatsCompromiseShare = 0, Errors = [],
            Conformal = conformal, NormalizedConformal = conformal with { Scale = ConformalScale.PositionSpread },
        };
        var result = new BacktestResult { Cases = 4, IssuesWithOutcome = 4, Models = [accuracy] };
        BacktestModeRun[] modes = [new(BacktestMode.Proposal, result, null), new(BacktestMode.Issue, result, null)];

        var calibration = IntervalCalibration.FromBacktest("data.tsv", "equal", [new DataDigest("data.tsv", new string('a', 64))], modes);

        Assert.Equal(
            ["proposal position-spread", "proposal none", "issue position-spread", "issue none"],
            calibration.Entries.Select(e => $"{e.Mode} {e.Conformal.Scale.Kind}"));
        Assert.Equal("equal", calibration.Capability);
        Assert.Contains("calibrated on data.tsv, n=4", calibration.Label(calibration.Entries[0]), StringComparison.Ordinal);
    }
}
