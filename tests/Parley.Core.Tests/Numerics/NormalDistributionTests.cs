using Parley.Core.Numerics;

namespace Parley.Core.Tests.Numerics;

public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(2.5, 0.9937903346742238)]
    [InlineData(-4.0, 3.1671241833119965e-05)]
    public void Cdf_KnownPoints_MatchTables(double x, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(x), 1e-14);

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.01, -2.326347874040841)]
    [InlineData(1e-10, -6.361340902404056)]
    public void InverseCdf_KnownPoints_MatchWithinItsRelativeError(double p, double expected) =>
        Assert.Equal(expected, NormalDistribution.InverseCdf(p), Math.Max(1e-12, Math.Abs(expected) * 1.2e-9));

    [Fact]
    public void InverseCdf_RoundTripsThroughCdf()
    {
        for (var p = 0.001; p < 1; p += 0.001)
        {
            Assert.Equal(p, NormalDistribution.Cdf(NormalDistribution.InverseCdf(p)), 1e-9);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    public void InverseCdf_OutsideOpenUnitInterval_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.InverseCdf(p));

    [Fact]
    public void SampleTruncated_MatchesTheTruncatedNormalMean()
    {
        // N(50, 20²) truncated to [40, 100]: mean = μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)), α = −0.5, β = 2.5.
        static double Density(double z) => Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        var expected = 50 + (20 * (Density(-0.5) - Density(2.5)) / (NormalDistribution.Cdf(2.5) - NormalDistribution.Cdf(-0.5)));
        var generator = Xoshiro256StarStar.FromSeed(9);
        var moments = new RunningMoments();
        for (var i = 0; i < 200_000; i++)
        {
            var value = NormalDistribution.SampleTruncated(generator.NextOpenDouble(), 50, 20, 40, 100);
            Assert.InRange(value, 40, 100);
            moments.Add(value);
        }

        // The truncated SD is below 20, so 5 standard errors are below 0.23.
        Assert.Equal(expected, moments.Mean, 0.23);
    }
}
