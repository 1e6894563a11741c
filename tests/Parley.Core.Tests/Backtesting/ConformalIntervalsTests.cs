using Parley.Core.Backtesting;
using Parley.Core.Numerics;

namespace Parley.Core.Tests.Backtesting;

public sealed class ConformalIntervalsTests
{
    private static IssueError Error(string group, int index, double error) => new($"{group}/{index}", group, $"i{index}", 50, 50 + error, error);

    [Fact]
    public void Run_NormalErrorsInManyGroups_HeldOutCoverageIsNearNominal()
    {
        // 400 proposals of 2 issues, errors N(0, 15²): exchangeable, so each level should hold about its share.
        var errors = new List<IssueError>();
        for (var g = 0; g < 400; g++)
        {
            var random = Xoshiro256StarStar.ForStream(7, (ulong)g);
            for (var i = 0; i < 2; i++)
            {
                var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                errors.Add(Error($"p{g}", i, 15 * normal));
            }
        }

        var result = ConformalIntervals.Run("synthetic", errors, 10)!;

        Assert.Equal([0.5, 0.8, 0.9], result.Levels.Select(l => l.Level));
        Assert.All(result.Levels, l => Assert.InRange(l.Share, l.Level - 0.04, l.Level + 0.04));
        Assert.All(result.Levels, l => Assert.Equal(800, l.Count));
        // The half-widths approach the normal quantiles of |error|: 0.674σ, 1.282σ, 1.645σ.
        Assert.InRange(result.Levels[0].HalfWidth, 15 * 0.674 - 1.5, 15 * 0.674 + 1.5);
        Assert.InRange(result.Levels[1].HalfWidth, 15 * 1.282 - 2, 15 * 1.282 + 2);
        Assert.InRange(result.Levels[2].HalfWidth, 15 * 1.645 - 2.5, 15 * 1.645 + 2.5);
    }

    [Fact]
    public void Run_GroupWithTheLargestErrors_IsNotInItsOwnCalibrationSet()
    {
        // Ten proposals of 9 issues; every issue of proposal g is off by g points. Held out, proposal
        // g's 90% half-width is the 74th smallest of the other 81 errors: 10 for g ≤ 9, but 9 for g = 10,
        // so proposal 10 falls outside. Were its own errors in its calibration set, q would be 10 and all 90 inside.
        var errors = new List<IssueError>();
        for (var i = 0; i < 9; i++)
        {
            for (var g = 1; g <= 10; g++)
            {
                errors.Add(Error($"p{g}", i, i % 2 == 0 ? g : -g));
            }
        }

        var level90 = ConformalIntervals.Run("m", errors, 10)!.Levels.Single(l => l.Level == 0.9);

        Assert.Equal(81, level90.Inside);
        Assert.Equal(90, level90.Count);
        Assert.Equal(10, level90.HalfWidth); // on all 90 errors: the 82nd smallest
    }

    [Theory]
    [InlineData(9, 0.9, 9)]   // ⌈10·0.9⌉ = 9: the largest of 9
    [InlineData(9, 0.5, 5)]   // ⌈5⌉ = 5
    [InlineData(19, 0.8, 16)] // ⌈16⌉ = 16, not 17: (n + 1)·level is an integer
    public void HalfWidth_IsTheConformalRankOfTheSortedErrors(int n, double level, double expected)
    {
        var sorted = Enumerable.Range(1, n).Select(x => (double)x).ToArray();

        Assert.Equal(expected, ConformalIntervals.HalfWidth(sorted, level));
    }

    [Fact]
    public void HalfWidth_TooFewErrorsForTheLevel_IsTheWholeScale()
    {
        Assert.Equal(double.PositiveInfinity, ConformalIntervals.HalfWidth([1, 2, 3, 4, 5, 6, 7, 8], 0.9));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void HalfWidth_LevelOutsideZeroToOne_Throws(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConformalIntervals.HalfWidth([1, 2], level));

    [Fact]
    public void Run_OneGroup_IsNull()
    {
        Assert.Null(ConformalIntervals.Run("m", [Error("p", 0, 1), Error("p", 1, 2)], 10));
    }

    [Fact]
    public void Run_SameErrors_SameResult()
    {
        IssueError[] errors = [.. Enumerable.Range(0, 30).Select(i => Error($"p{i % 7}", i, (i * 37 % 23) - 11.5))];

        Assert.Equal(ConformalIntervals.Run("m", errors, 5)!.Levels.ToArray(), ConformalIntervals.Run("m", errors, 5)!.Levels.ToArray());
    }
}
