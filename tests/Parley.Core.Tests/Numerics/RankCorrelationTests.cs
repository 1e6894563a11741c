using Parley.Core.Numerics;

namespace Parley.Core.Tests.Numerics;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Ranks_TiesShareTheirMeanRank()
    {
        var ranks = new double[5];
        RankCorrelation.Ranks([5, 6, 7, 8, 7], ranks);
        Assert.Equal([1, 2, 3.5, 5, 3.5], ranks);
    }

    [Fact]
    public void Spearman_WithTies_MatchesHandComputation()
    {
        // Ranks (1..5) and (1, 2, 3.5, 5, 3.5): covariance 8, variances 10 and 9.5, ρ = 8 / √95.
        Assert.Equal(8 / Math.Sqrt(95), RankCorrelation.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])!.Value, 12);
    }

    [Fact]
    public void Spearman_MonotoneButNonLinear_IsOneOrMinusOne()
    {
        double[] x = [0.1, 0.5, 2, 3, 10];
        Assert.Equal(1, RankCorrelation.Spearman(x, [.. x.Select(v => Math.Exp(v))])!.Value, 12);
        Assert.Equal(-1, RankCorrelation.Spearman(x, [.. x.Select(v => -v * v * v)])!.Value, 12);
    }

    [Fact]
    public void Spearman_ConstantSeries_IsUndefined() =>
        Assert.Null(RankCorrelation.Spearman([1, 2, 3], [4, 4, 4]));
}
