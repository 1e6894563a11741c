using Parley.Core.Numerics;

namespace Parley.Core.Tests.Numerics;

public sealed class GeneratorTests
{
    [Fact]
    public void SplitMix64_FromZero_GivesTheReferenceOutputs()
    {
        // Vigna's splitmix64.c with x = 0; recompute with any 64-bit integer arithmetic:
        // x += 0x9E3779B97F4A7C15; z = x; z = (z ^ z>>30) * 0xBF58476D1CE4E5B9; z = (z ^ z>>27) * 0x94D049BB133111EB; z ^ z>>31.
        var generator = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, generator.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, generator.Next());
        Assert.Equal(0x06C45D188009454FUL, generator.Next());
    }

    [Fact]
    public void Xoshiro256StarStar_FromState1234_GivesTheReferenceOutputs()
    {
        // By hand: output 1 = rotl(s1 * 5, 7) * 9 = rotl(10, 7) * 9 = 1280 * 9 = 11520. The update gives
        // s2 = 3^1 = 2, s3 = 4^2 = 6, s1 = 2^2 = 0, s0 = 1^6 = 7, so output 2 = rotl(0 * 5, 7) * 9 = 0.
        // The rest follow the reference xoshiro256starstar.c (checked with Python integers).
        var generator = new Xoshiro256StarStar(1, 2, 3, 4);
        ulong[] expected = [11520UL, 0UL, 1509978240UL, 1215971899390074240UL, 1216172134540287360UL, 607988272756665600UL];
        foreach (var value in expected)
        {
            Assert.Equal(value, generator.NextUInt64());
        }
    }

    [Fact]
    public void Xoshiro256StarStar_SeededThroughSplitMix64_GivesTheReferenceOutputs()
    {
        // State = the first four SplitMix64 outputs from 0 (pinned above), then the reference update.
        var generator = Xoshiro256StarStar.FromSeed(0);
        ulong[] expected = [0x99EC5F36CB75F2B4UL, 0xBF6E1F784956452AUL, 0x1A5F849D4933E6E0UL, 0x6AA594F1262D2D2CUL, 0xBBA5AD4A1F842E59UL, 0xFFEF8375D9EBCACAUL];
        foreach (var value in expected)
        {
            Assert.Equal(value, generator.NextUInt64());
        }
    }

    [Fact]
    public void Xoshiro256StarStar_AllZeroState_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new Xoshiro256StarStar(0, 0, 0, 0));

    [Fact]
    public void ForStream_SameSeedAndStream_RepeatsAndOtherStreamsDiffer()
    {
        var first = Xoshiro256StarStar.ForStream(42, 7);
        var again = Xoshiro256StarStar.ForStream(42, 7);
        Assert.Equal(first.NextUInt64(), again.NextUInt64());

        var firstOutputs = new HashSet<ulong>();
        for (ulong stream = 0; stream < 10_000; stream++)
        {
            var generator = Xoshiro256StarStar.ForStream(42, stream);
            Assert.True(firstOutputs.Add(generator.NextUInt64()));
        }

        var otherSeed = Xoshiro256StarStar.ForStream(43, 7);
        Assert.NotEqual(Xoshiro256StarStar.ForStream(42, 7).NextUInt64(), otherSeed.NextUInt64());
    }

    [Fact]
    public void Doubles_StayInTheirIntervals_AndAverageOneHalf()
    {
        var generator = Xoshiro256StarStar.FromSeed(1);
        double sum = 0;
        const int Count = 100_000;
        for (var i = 0; i < Count; i++)
        {
            var closedOpen = generator.NextDouble();
            var open = generator.NextOpenDouble();
            Assert.InRange(closedOpen, 0, Math.BitDecrement(1.0));
            Assert.True(open > 0 && open < 1);
            sum += closedOpen;
        }

        // Standard error of the mean of U(0,1) over 1e5 draws is 0.0009; 5 of them.
        Assert.Equal(0.5, sum / Count, 0.0045);
    }
}
