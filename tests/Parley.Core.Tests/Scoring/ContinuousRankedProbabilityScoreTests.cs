using Parley.Core.Numerics;
using Parley.Core.Scoring;

namespace Parley.Core.Tests.Scoring;

public sealed class ContinuousRankedProbabilityScoreTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<double[], double, double> HandWorked => new()
    {
        // One member: the absolute error.
        { [3.0], 7.0, 4.0 },
        { [7.0], 3.0, 4.0 },
        // {0, 10} at 0: E|X - x| = 5, E|X - X'| = (0 + 10 + 10 + 0) / 4 = 5, so 5 - 2.5.
        { [0.0, 10.0], 0.0, 2.5 },
        // {1, 2, 3} at 2: 2/3 - 4/9; the integral of (F - 1{y >= 2})^2 is 1/9 on [1,2) plus 1/9 on [2,3).
        { [1.0, 2.0, 3.0], 2.0, 2.0 / 9.0 },
        // {1, 2, 3} at 5, outside: 3 - 4/9; the integral is 1/9 + 4/9 + 1 x 2 on [3,5).
        { [1.0, 2.0, 3.0], 5.0, 23.0 / 9.0 },
        // Any order: {3, 1, 2} is the same ensemble.
        { [3.0, 1.0, 2.0], 5.0, 23.0 / 9.0 },
        // Ties: {4, 4, 4, 8} at 4: E|X - x| = 1, E|X - X'| = 2 x 3 x 4 / 16 = 1.5, so 1 - 0.75.
        { [4.0, 4.0, 4.0, 8.0], 4.0, 0.25 },
    };

    [Theory]
    [MemberData(nameof(HandWorked))]
    public void OfEnsemble_HandWorkedCases_MatchesEquation21(double[] ensemble, double observed, double expected) =>
        Assert.Equal(expected, ContinuousRankedProbabilityScore.OfEnsemble(ensemble, observed), Tolerance);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(42.5, 17.25)]
    [InlineData(-3.0, 100.0)]
    public void OnePointEnsemble_EqualsTheAbsoluteError(double member, double observed)
    {
        var absoluteError = Math.Abs(member - observed);
        Assert.Equal(absoluteError, ContinuousRankedProbabilityScore.OfEnsemble([member], observed), Tolerance);
        Assert.Equal(absoluteError, ContinuousRankedProbabilityScore.OfPointForecast(member, observed), Tolerance);
    }

    [Fact]
    public void EnsembleOfEqualMembers_EqualsTheAbsoluteError() =>
        Assert.Equal(12.5, ContinuousRankedProbabilityScore.OfEnsemble([30.0, 30.0, 30.0, 30.0, 30.0], 42.5), Tolerance);

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 50.0)]
    [InlineData(37, 12.0)]
    [InlineData(500, 95.0)]
    public void SortedEstimator_EqualsTheQuadraticDefinition(int count, double observed)
    {
        var random = Xoshiro256StarStar.FromSeed((ulong)count);
        var members = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Rounded to whole points so that ties occur.
            members[i] = Math.Round(100 * random.NextDouble());
        }

        double absolute = 0, pairs = 0;
        foreach (var a in members)
        {
            absolute += Math.Abs(a - observed);
            foreach (var b in members)
            {
                pairs += Math.Abs(a - b);
            }
        }

        var definition = (absolute / count) - (pairs / (2.0 * count * count));
        Assert.Equal(definition, ContinuousRankedProbabilityScore.OfEnsemble(members, observed), 1e-9);
    }

    [Fact]
    public void Crps_IsNeverAboveTheMeanAbsoluteErrorOfTheMembers_NorNegative()
    {
        var random = Xoshiro256StarStar.FromSeed(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var members = Enumerable.Range(0, 1 + (trial % 20)).Select(_ => 100 * random.NextDouble()).ToArray();
            var observed = 100 * random.NextDouble();
            var crps = ContinuousRankedProbabilityScore.OfEnsemble(members, observed);
            Assert.InRange(crps, 0, members.Average(m => Math.Abs(m - observed)) + Tolerance);
        }
    }

    [Fact]
    public void HugeValues_DoNotOverflow()
    {
        var crps = ContinuousRankedProbabilityScore.OfEnsemble([-1e308, 1e308], 1e308);
        Assert.True(double.IsFinite(crps));
        Assert.Equal(5e307, crps, 1e295);
    }

    [Fact]
    public void OfEnsemble_DoesNotModifyItsInput()
    {
        double[] members = [3, 1, 2];
        ContinuousRankedProbabilityScore.OfEnsemble(members, 0);
        Assert.Equal([3.0, 1.0, 2.0], members);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(1.0, double.NegativeInfinity)]
    public void NonFiniteValues_AreRejected(double member, double observed)
    {
        Assert.Throws<ArgumentException>(() => ContinuousRankedProbabilityScore.OfEnsemble([0.0, member], observed));
        Assert.Throws<ArgumentException>(() => ContinuousRankedProbabilityScore.OfPointForecast(member, observed));
    }

    [Fact]
    public void EmptyOrUnsortedEnsembles_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => ContinuousRankedProbabilityScore.OfEnsemble([], 1));
        var error = Assert.Throws<ArgumentException>(() => ContinuousRankedProbabilityScore.OfSortedEnsemble([1.0, 3.0, 2.0], 1));
        Assert.Contains("ascending", error.Message, StringComparison.Ordinal);
    }
}
