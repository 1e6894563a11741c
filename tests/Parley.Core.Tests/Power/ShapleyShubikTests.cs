using Parley.Core.Power;

namespace Parley.Core.Tests.Power;

public sealed class ShapleyShubikTests
{
    [Fact]
    public void WeightedMajority_ThreeTwoOneQuotaFour_GivesFourSixthsToTheLargest()
    {
        // Of the 6 voting orders the largest member is pivotal in 4, each other member in 1.
        var indices = ShapleyShubik.WeightedMajority([3, 2, 1], 4);

        Assert.Equal(4.0 / 6, indices[0], 12);
        Assert.Equal(1.0 / 6, indices[1], 12);
        Assert.Equal(1.0 / 6, indices[2], 12);
    }

    [Fact]
    public void WeightedMajority_DummyMember_HasNoPower()
    {
        // With quota 3 of 5, the member with weight 1 never turns a losing coalition into a winning one... except
        // {2}+1; so use weights 2, 2, 1 and quota 4: {2,2} wins, {2,1} loses, the 1 is a dummy.
        var indices = ShapleyShubik.WeightedMajority([2, 2, 1], 4);

        Assert.Equal(0, indices[2], 12);
        Assert.Equal(0.5, indices[0], 12);
    }

    [Fact]
    public void Unanimity_EveryMemberHasOneNth()
    {
        int[] weights = [10, 3, 1, 7];
        var indices = ShapleyShubik.WeightedMajority(weights, weights.Sum());

        Assert.All(indices, i => Assert.Equal(0.25, i, 12));
    }

    [Fact]
    public void DoubleMajority_LargeBody_IndicesSumToOneAndFollowWeights()
    {
        int[] population = [811, 664, 608, 464, 380, 199, 169, 113, 105, 97, 86, 72, 57, 55, 46, 29, 20, 13, 8, 6, 4];
        long total = population.Sum();
        var indices = ShapleyShubik.Compute(population, (size, weight) => size >= 12 && 100 * weight >= 65 * total);

        Assert.Equal(1, indices.Sum(), 9);
        for (var i = 1; i < indices.Length; i++)
        {
            Assert.True(indices[i - 1] >= indices[i] - 1e-12, $"member {i - 1} should have at least member {i}'s power");
        }
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1, -2 })]
    public void Compute_InvalidWeights_Throws(int[] weights) =>
        Assert.Throws<ArgumentException>(() => ShapleyShubik.WeightedMajority(weights, 1));
}
