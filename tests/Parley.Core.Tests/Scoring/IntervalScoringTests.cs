using System.Collections.Immutable;
using Parley.Core.Numerics;
using Parley.Core.Scoring;

namespace Parley.Core.Tests.Scoring;

public sealed class IntervalScoringTests
{
    // 0, 1, ..., 10: the type 7 quantile at p is 10 p.
    private static readonly double[] Eleven = [.. Enumerable.Range(0, 11).Select(i => (double)i)];

    [Theory]
    [InlineData(0.5, 2.5, 7.5)]
    [InlineData(0.8, 1.0, 9.0)]
    [InlineData(0.9, 0.5, 9.5)]
    public void FromSortedEnsemble_ReadsTheType7Quantiles(double level, double lower, double upper)
    {
        var interval = CentralInterval.FromSortedEnsemble(Eleven, level);
        Assert.Equal(lower, interval.Lower, 1e-12);
        Assert.Equal(upper, interval.Upper, 1e-12);
        Assert.Equal((1 - level) / 2, interval.LowerProbability, 1e-12);
    }

    [Fact]
    public void SampleQuantile_IsType7_AsNumPysDefault()
    {
        // numpy.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.9, 1]) = [1, 1.75, 2.5, 3.7, 4]
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.0, SampleQuantile.Type7(sorted, 0), 1e-12);
        Assert.Equal(1.75, SampleQuantile.Type7(sorted, 0.25), 1e-12);
        Assert.Equal(2.5, SampleQuantile.Type7(sorted, 0.5), 1e-12);
        Assert.Equal(3.7, SampleQuantile.Type7(sorted, 0.9), 1e-12);
        Assert.Equal(4.0, SampleQuantile.Type7(sorted, 1), 1e-12);
        Assert.Throws<ArgumentException>(() => SampleQuantile.Type7([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleQuantile.Type7(sorted, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleQuantile.Type7(sorted, double.NaN));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Level_OutsideTheOpenUnitInterval_IsRejected(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CentralInterval.FromSortedEnsemble(Eleven, level));

    [Fact]
    public void Contains_IncludesTheBounds()
    {
        var interval = new CentralInterval(0.8, 1, 9);
        Assert.True(interval.Contains(1));
        Assert.True(interval.Contains(9));
        Assert.False(interval.Contains(9.2));
        Assert.False(interval.Contains(0.99));
    }

    [Fact]
    public void OfEnsemble_ScoresAbsoluteErrorCrpsAndEachInterval()
    {
        var score = ForecastScore.OfEnsemble(5, Eleven.Reverse().ToArray(), 9.2);
        Assert.Equal(4.2, score.AbsoluteError, 1e-12);
        Assert.Equal(ContinuousRankedProbabilityScore.OfEnsemble(Eleven, 9.2), score.Crps!.Value, 1e-12);
        Assert.Equal(11, score.Draws);
        Assert.Equal([0.5, 0.8, 0.9], score.Intervals.Select(h => h.Interval.Level));
        Assert.Equal([false, false, true], score.Intervals.Select(h => h.Inside));
    }

    [Fact]
    public void OfPointForecast_HasNoCrpsAndNoIntervals()
    {
        var score = ForecastScore.OfPointForecast(60, 10);
        Assert.Equal(50, score.AbsoluteError);
        Assert.Null(score.Crps);
        Assert.False(score.HasDistribution);
        Assert.Empty(score.Intervals);
    }

    [Fact]
    public void OfIntervals_ScoresTheStoredIntervalsWithoutCrps()
    {
        var score = ForecastScore.OfIntervals(50, [new CentralInterval(0.9, 20, 80), new CentralInterval(0.5, 40, 60)], 70);
        Assert.Null(score.Crps);
        Assert.Equal([0.5, 0.9], score.Intervals.Select(h => h.Interval.Level));
        Assert.Equal([false, true], score.Intervals.Select(h => h.Inside));
    }

    [Fact]
    public void Summary_AveragesErrorsAndCountsCoveragePerLevel()
    {
        ImmutableArray<ForecastScore> scores =
        [
            ForecastScore.OfEnsemble(5, Eleven, 9.2),
            ForecastScore.OfEnsemble(5, Eleven, 5),
            ForecastScore.OfPointForecast(0, 10),
        ];
        var summary = ScoreSummary.Of(scores);
        Assert.Equal(3, summary.Count);
        Assert.Equal((4.2 + 0 + 10) / 3, summary.MeanAbsoluteError, 1e-12);
        Assert.Equal(2, summary.CrpsCount);
        Assert.Equal((scores[0].Crps!.Value + scores[1].Crps!.Value) / 2, summary.MeanCrps!.Value, 1e-12);
        Assert.Equal([new IntervalCoverage(0.5, 1, 2), new IntervalCoverage(0.8, 1, 2), new IntervalCoverage(0.9, 2, 2)], summary.Coverage.ToArray());
        Assert.Equal(0.5, summary.Coverage[0].Share, 1e-12);
    }

    [Fact]
    public void Summary_OfNothing_HasNaNErrorAndNoCrps()
    {
        var summary = ScoreSummary.Of([]);
        Assert.True(double.IsNaN(summary.MeanAbsoluteError));
        Assert.Null(summary.MeanCrps);
        Assert.Empty(summary.Coverage);
    }
}
