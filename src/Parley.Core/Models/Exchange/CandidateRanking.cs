namespace Parley.Core.Models.Exchange;

/// <summary>
/// The order of a round's queue: candidates as primitive keys (ranking gain bits, complemented so
/// that higher gains sort first) and indices, ascending by key and, among equal keys, by index
/// (the tie rule). The queue is sorted a chunk at a time; these are the sort and the selection of
/// the next chunk, kept apart from the engine so that tests can compare them with a full sort.
/// </summary>
internal static class CandidateRanking
{
    /// <summary>
    /// Sorts <paramref name="count"/> entries from <paramref name="from"/> by key, and entries of
    /// equal keys by index: a primitive sort, then runs of equal keys put back in index order.
    /// </summary>
    public static void SortRange(ulong[] keys, int[] items, int from, int count)
    {
        Array.Sort(keys, items, from, count);
        var end = from + count;
        for (var start = from; start < end;)
        {
            var run = start + 1;
            while (run < end && keys[run] == keys[start])
            {
                run++;
            }

            if (run - start > 1)
            {
                Array.Sort(items, start, run - start);
            }

            start = run;
        }
    }

    /// <summary>
    /// A key of [<paramref name="from"/>, <paramref name="end"/>) near the <paramref name="target"/>-th
    /// smallest there, estimated from a sorted sample of up to <paramref name="sampleSize"/> keys
    /// at a fixed stride (sorted in <paramref name="sample"/>). It is one of the range's keys, so that taking every key up to it
    /// (<see cref="TakeUpTo"/>) takes at least one entry.
    /// </summary>
    public static ulong SampledThreshold(ulong[] keys, int from, int end, long target, ulong[] sample, int sampleSize)
    {
        var count = end - from;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        sampleSize = Math.Min(sampleSize, count);
        var stride = count / sampleSize;
        for (var i = 0; i < sampleSize; i++)
        {
            sample[i] = keys[from + (i * stride)];
        }

        Array.Sort(sample, 0, sampleSize);
        return sample[(int)Math.Clamp(target * sampleSize / count, 0, sampleSize - 1)];
    }

    /// <summary>
    /// Moves to the front of [<paramref name="from"/>, <paramref name="end"/>) every entry whose key
    /// is at most <paramref name="threshold"/>, equal keys included, leaving the others after them
    /// in some order. Sorting the front (<see cref="SortRange"/>) then gives the first entries of
    /// the whole range's sorted order, ties included.
    /// </summary>
    /// <returns>The end of the front part.</returns>
    public static int TakeUpTo(ulong[] keys, int[] items, int from, int end, ulong threshold)
    {
        var split = from;
        for (var k = from; k < end; k++)
        {
            if (keys[k] <= threshold)
            {
                (keys[split], keys[k]) = (keys[k], keys[split]);
                (items[split], items[k]) = (items[k], items[split]);
                split++;
            }
        }

        return split;
    }
}
