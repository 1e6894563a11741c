using Parley.Core.Backtesting;

namespace Parley.Core.Tests.Backtesting;

public sealed class BootstrapIntervalTests
{
    private static IssueError Error(string group, double error) => new("case", group, "issue", 50, 50 + error, error);

    [Fact]
    public void ForMeanAbsoluteError_ContainsTheEstimate_AndIsReproducible()
    {
        var errors = Enumerable.Range(0, 60).Select(i => Error($"g{i % 20}", ((i * 37) % 41) - 20.0)).ToList();
        var interval = BootstrapInterval.ForMeanAbsoluteError(errors, seed: 5);
        Assert.Equal(errors.Average(e => Math.Abs(e.Error)), interval.Estimate, 12);
        Assert.True(interval.Low < interval.Estimate && interval.Estimate < interval.High, $"{interval.Low} {interval.Estimate} {interval.High}");
        Assert.Equal(interval, BootstrapInterval.ForMeanAbsoluteError(errors, seed: 5));
        Assert.NotEqual(interval, BootstrapInterval.ForMeanAbsoluteError(errors, seed: 6));
    }

    [Fact]
    public void ForMeanAbsoluteError_EqualErrors_GiveAPointInterval()
    {
        var interval = BootstrapInterval.ForMeanAbsoluteError([Error("a", 4), Error("b", -4), Error("c", 4)]);
        Assert.Equal(4, interval.Low, 12);
        Assert.Equal(4, interval.High, 12);
    }

    [Fact]
    public void ForMeanAbsoluteError_CorrelatedGroups_WidenTheInterval()
    {
        // The same 40 errors, once as 40 independent groups and once as 4 groups of 10 alike errors.
        var values = Enumerable.Range(0, 40).Select(i => (double)((i / 10) * 10)).ToList();
        var independent = BootstrapInterval.ForMeanAbsoluteError(values.Select((v, i) => Error($"i{i}", v)).ToList());
        var clustered = BootstrapInterval.ForMeanAbsoluteError(values.Select((v, i) => Error($"g{i / 10}", v)).ToList());
        Assert.True(clustered.High - clustered.Low > 1.5 * (independent.High - independent.Low));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void ForMeanAbsoluteError_LevelOutOfRange_Throws(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.ForMeanAbsoluteError([Error("a", 1)], level));

    [Fact]
    public void ForMeanAbsoluteError_NoErrors_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.ForMeanAbsoluteError([]));
}
