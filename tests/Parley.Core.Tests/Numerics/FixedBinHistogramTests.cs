using Parley.Core.Numerics;

namespace Parley.Core.Tests.Numerics;

public sealed class FixedBinHistogramTests
{
    public static TheoryData<string> Distributions => ["uniform", "normal", "exponential", "bimodal"];

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Quantile_KnownDistribution_WithinOneBinOfTheExactSampleQuantile(string distribution)
    {
        var generator = Xoshiro256StarStar.FromSeed(2024);
        var histogram = new FixedBinHistogram(0, 100, 10_000);
        var values = new double[100_001];
        for (var i = 0; i < values.Length; i++)
        {
            var u = generator.NextOpenDouble();
            values[i] = distribution switch
            {
                "uniform" => 100 * u,
                "normal" => NormalDistribution.SampleTruncated(u, 50, 15, 0, 100),
                "exponential" => Math.Min(100, -10 * Math.Log(u)),
                _ => u < 0.5 ? 20 + (10 * u) : 70 + (10 * u),
            };
            histogram.Add(values[i]);
        }

        Array.Sort(values);
        foreach (var p in new[] { 0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0 })
        {
            var target = p * (values.Length - 1);
            var rank = (int)Math.Floor(target);
            var upper = values[Math.Min(rank + 1, values.Length - 1)];
            var exact = values[rank] + ((target - rank) * (upper - values[rank]));
            Assert.True(
                Math.Abs(histogram.Quantile(p) - exact) <= histogram.BinWidth + (upper - values[rank]),
                $"{distribution} p={p}: estimate {histogram.Quantile(p)}, exact {exact}, bin width {histogram.BinWidth}");
        }
    }

    [Fact]
    public void Quantile_SingleRepeatedValue_IsThatValue()
    {
        var histogram = new FixedBinHistogram(0, 10, 100);
        for (var i = 0; i < 5; i++)
        {
            histogram.Add(3.3);
        }

        Assert.Equal(3.3, histogram.Quantile(0.05));
        Assert.Equal(3.3, histogram.Quantile(0.95));
    }

    [Fact]
    public void Add_OutsideTheInterval_CountsInTheEndBinsAndKeepsTheExactExtremes()
    {
        var histogram = new FixedBinHistogram(0, 10, 10);
        histogram.Add(-5);
        histogram.Add(15);
        Assert.Equal(1, histogram[0]);
        Assert.Equal(1, histogram[9]);
        Assert.Equal(-5, histogram.ObservedMin);
        Assert.Equal(15, histogram.ObservedMax);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_NonFinite_Throws(double value) =>
        Assert.Throws<ArgumentException>(() => new FixedBinHistogram(0, 1, 10).Add(value));

    [Theory]
    [InlineData(0, 0, 10)]
    [InlineData(1, 0, 10)]
    [InlineData(0, 1, 0)]
    [InlineData(double.NaN, 1, 10)]
    public void Constructor_BadInterval_Throws(double min, double max, int bins) =>
        Assert.ThrowsAny<ArgumentException>(() => new FixedBinHistogram(min, max, bins));

    [Fact]
    public void RunningMoments_MatchTwoPassFormulas()
    {
        double[] values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
        var moments = new RunningMoments();
        foreach (var value in values)
        {
            moments.Add(value);
        }

        Assert.Equal(1e9 + 10, moments.Mean, 1e-6);
        Assert.Equal(30, moments.Variance, 1e-6); // (36 + 9 + 9 + 36) / 3
    }
}
