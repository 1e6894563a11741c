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
    /// Moves to the front of [<paramref name="from"/>, <paramref name="end"/>) every entry whose
    /// key is at most the <paramref name="least"/>-th smallest key there (so at least
    /// <paramref name="least"/> entries, and every entry equal to the last of them), leaving the
    /// others after them in some order. Sorting the front (<see cref="SortRange"/>) then gives the
    /// first entries of the whole range's sorted order, ties included.
    /// </summary>
    /// <param name="keys">The keys.</param>
    /// <param name="items">The candidates, moved with their keys.</param>
    /// <param name="from">First entry of the range.</param>
    /// <param name="end">End of the range (exclusive).</param>
    /// <param name="least">How many entries at least to move to the front, 1 to the range's length.</param>
    /// <param name="scratch">Room for the range's keys (at least <paramref name="end"/> − <paramref name="from"/>).</param>
    /// <returns>The end of the front part.</returns>
    public static int SelectSmallest(ulong[] keys, int[] items, int from, int end, int least, ulong[] scratch)
    {
        var count = end - from;
        ArgumentOutOfRangeException.ThrowIfLessThan(least, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(least, count);
        Array.Copy(keys, from, scratch, 0, count);
        var threshold = NthSmallest(scratch.AsSpan(0, count), least - 1);
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

    /// <summary>
    /// The value that would be at 0-based position <paramref name="n"/> of <paramref name="values"/>
    /// sorted, found by quickselect with three-way partitions (many equal keys cost nothing extra);
    /// reorders <paramref name="values"/>. Falls back to a sort when the partitions go badly.
    /// </summary>
    public static ulong NthSmallest(Span<ulong> values, int n)
    {
        var low = 0;
        var high = values.Length;
        var budget = 2 * (64 - ulong.LeadingZeroCount((ulong)values.Length));
        while (high - low > 16)
        {
            if (--budget < 0)
            {
                values[low..high].Sort();
                return values[n];
            }

            // Median of three as the pivot.
            ulong a = values[low], b = values[low + ((high - low) / 2)], c = values[high - 1];
            var pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);

            // Three-way partition: [low, lt) < pivot, [lt, i) == pivot, (gt, high) > pivot.
            int lt = low, i = low, gt = high - 1;
            while (i <= gt)
            {
                var value = values[i];
                if (value < pivot)
                {
                    (values[lt], values[i]) = (values[i], values[lt]);
                    lt++;
                    i++;
                }
                else if (value > pivot)
                {
                    (values[gt], values[i]) = (values[i], values[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            if (n < lt)
            {
                high = lt;
            }
            else if (n > gt)
            {
                low = gt + 1;
            }
            else
            {
                return pivot;
            }
        }

        values[low..high].Sort();
        return values[n];
    }
}
