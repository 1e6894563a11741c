using CsCheck;
using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>The queue's chunks, chosen by selection, come out in the order of one full sort, ties included.</summary>
public sealed class CandidateRankingTests
{
    [Fact]
    public void SelectedChunks_SortedOneAfterAnother_EqualTheFullSort_TiesInIndexOrder()
    {
        // Keys from a small range, so that many are equal; chunk sizes drawn at each step.
        Gen.Select(Gen.ULong[0, 12].Array[1, 300], Gen.Int[1, 1000].Array[300], Gen.ULong).Sample((keys, chunkDraws, seed) =>
        {
            var n = keys.Length;
            var items = Enumerable.Range(0, n).ToArray();
            new Random((int)(seed % int.MaxValue)).Shuffle(items);
            var expected = keys.Zip(items).OrderBy(e => e.First).ThenBy(e => e.Second).ToArray();

            var sortKeys = (ulong[])keys.Clone();
            var sortItems = (int[])items.Clone();
            var scratch = new ulong[n];
            var from = 0;
            var step = 0;
            while (from < n)
            {
                var least = 1 + (chunkDraws[step++ % chunkDraws.Length] % (n - from));
                var split = CandidateRanking.SelectSmallest(sortKeys, sortItems, from, n, least, scratch);
                if (split - from < least)
                {
                    return false;
                }

                CandidateRanking.SortRange(sortKeys, sortItems, from, split - from);
                from = split;
            }

            return sortKeys.Zip(sortItems).SequenceEqual(expected);
        });
    }

    [Fact]
    public void SelectSmallest_TakesEveryKeyEqualToTheLastOne_AndNoLargerKey()
    {
        ulong[] keys = [5, 1, 3, 3, 9, 3, 0, 7];
        int[] items = [0, 1, 2, 3, 4, 5, 6, 7];

        // The third smallest is 3, held by three entries: all of them come to the front.
        var split = CandidateRanking.SelectSmallest(keys, items, 0, keys.Length, 3, new ulong[keys.Length]);

        Assert.Equal(5, split);
        Assert.Equal(new ulong[] { 0, 1, 3, 3, 3 }, keys[..split].Order());
        Assert.All(keys[split..], k => Assert.True(k > 3));
    }

    [Fact]
    public void SelectSmallest_InARange_LeavesTheEntriesAroundItAlone()
    {
        ulong[] keys = [100, 4, 2, 8, 6, 100];
        int[] items = [-1, 1, 2, 3, 4, -1];

        var split = CandidateRanking.SelectSmallest(keys, items, 1, 5, 2, new ulong[4]);

        Assert.Equal(3, split);
        Assert.Equal(new ulong[] { 2, 4 }, keys[1..3].Order());
        Assert.Equal((100UL, -1), (keys[0], items[0]));
        Assert.Equal((100UL, -1), (keys[5], items[5]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void SelectSmallest_HowManyOutsideTheRange_Throws(int least)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CandidateRanking.SelectSmallest([1, 2, 3, 4], [0, 1, 2, 3], 0, 4, least, new ulong[4]));
    }

    [Fact]
    public void NthSmallest_EqualsTheSortedValue_OnRandomAndAdversarialInputs()
    {
        Gen.Select(Gen.ULong[0, 40].Array[1, 500], Gen.Int.NonNegative).Sample((values, draw) =>
        {
            var n = draw % values.Length;
            var sorted = values.Order().ToArray();
            return CandidateRanking.NthSmallest((ulong[])values.Clone(), n) == sorted[n];
        });

        foreach (var values in new[]
        {
            Enumerable.Repeat(7UL, 1000).ToArray(),
            Enumerable.Range(0, 1000).Select(i => (ulong)i).ToArray(),
            Enumerable.Range(0, 1000).Select(i => (ulong)(1000 - i)).ToArray(),
            Enumerable.Range(0, 1000).Select(i => (ulong)(i % 2 == 0 ? i : 1000 - i)).ToArray(),
            Enumerable.Range(0, 1000).Select(i => ulong.MaxValue - (ulong)(i % 3)).ToArray(),
        })
        {
            var sorted = values.Order().ToArray();
            foreach (var n in new[] { 0, 1, 63, 500, 998, 999 })
            {
                Assert.Equal(sorted[n], CandidateRanking.NthSmallest((ulong[])values.Clone(), n));
            }
        }
    }
}
