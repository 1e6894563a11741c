using CsCheck;
using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>The queue's chunks, chosen by selection, come out in the order of one full sort, ties included.</summary>
public sealed class CandidateRankingTests
{
    [Fact]
    public void ChunksUpToSampledThresholds_SortedOneAfterAnother_EqualTheFullSort_TiesInIndexOrder()
    {
        // Keys from a small range, so that many are equal; chunk targets and sample sizes drawn at each step.
        Gen.Select(Gen.ULong[0, 12].Array[1, 300], Gen.Int[0, 1000].Array[300], Gen.Int[1, 70].Array[300], Gen.ULong).Sample((keys, targets, samples, seed) =>
        {
            var n = keys.Length;
            var items = Enumerable.Range(0, n).ToArray();
            new Random((int)(seed % int.MaxValue)).Shuffle(items);
            var expected = keys.Zip(items).OrderBy(e => e.First).ThenBy(e => e.Second).ToArray();

            var sortKeys = (ulong[])keys.Clone();
            var sortItems = (int[])items.Clone();
            var sample = new ulong[70];
            var from = 0;
            var step = 0;
            while (from < n)
            {
                var threshold = CandidateRanking.SampledThreshold(sortKeys, from, n, targets[step % 300] % (n - from), sample, samples[step % 300]);
                step++;
                var split = CandidateRanking.TakeUpTo(sortKeys, sortItems, from, n, threshold);
                if (split <= from || sortKeys[from..split].Any(k => k > threshold) || sortKeys[split..].Any(k => k <= threshold))
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
    public void TakeUpTo_TakesEveryKeyUpToTheThreshold_AndLeavesTheEntriesAroundTheRangeAlone()
    {
        ulong[] keys = [1, 5, 1, 3, 3, 9, 3, 0, 7, 1];
        int[] items = [-1, 1, 2, 3, 4, 5, 6, 7, 8, -1];

        var split = CandidateRanking.TakeUpTo(keys, items, 1, 9, 3);

        Assert.Equal(6, split);
        Assert.Equal(new ulong[] { 0, 1, 3, 3, 3 }, keys[1..split].Order());
        Assert.Equal(new[] { 2, 3, 4, 6, 7 }, items[1..split].Order());
        Assert.All(keys[split..9], k => Assert.True(k > 3));
        Assert.Equal((1UL, -1), (keys[0], items[0]));
        Assert.Equal((1UL, -1), (keys[9], items[9]));
    }

    [Fact]
    public void SampledThreshold_OnEvenlySpreadKeys_IsNearTheTarget()
    {
        var keys = Enumerable.Range(0, 1600).Select(i => (ulong)(1600 - i)).ToArray();

        var threshold = CandidateRanking.SampledThreshold(keys, 0, keys.Length, 200, new ulong[64], 64);

        Assert.InRange(threshold, 176UL, 226UL);
    }
}
