using System.Runtime.CompilerServices;

namespace Parley.Core.Models.Exchange;

/// <summary>
/// An entry of a demanding list: <c>(candidate &lt;&lt; 1) | k</c> (k = 0 for the candidate's issue
/// P, 1 for Q) and that side's steady limit when the entry was added.
/// </summary>
internal readonly record struct DemandEntry(int Entry, float Limit);

/// <summary>
/// Binary min-heaps on <see cref="DemandEntry.Limit"/> kept in place in a segment
/// [<c>start</c>, <c>end</c>) of a shared array, so that every actor-issue's heap lives in its
/// own slice of one allocation (a <see cref="PriorityQueue{TElement, TPriority}"/> per cell would
/// copy each list once more per round).
/// </summary>
internal static class LimitHeap
{
    /// <summary>Forms the entries in [<paramref name="start"/>, <paramref name="end"/>) into a heap.</summary>
    public static void Heapify(DemandEntry[] entries, int start, int end)
    {
        for (var i = ((end - start) / 2) - 1; i >= 0; i--)
        {
            SiftDown(entries, start, end, i);
        }
    }

    /// <summary>Adds the entry already written at <paramref name="end"/> to the heap [<paramref name="start"/>, <paramref name="end"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push(DemandEntry[] entries, int start, int end)
    {
        var i = end - start;
        var item = entries[end];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (entries[start + parent].Limit <= item.Limit)
            {
                break;
            }

            entries[start + i] = entries[start + parent];
            i = parent;
        }

        entries[start + i] = item;
    }

    /// <summary>Removes and returns the smallest entry of the heap [<paramref name="start"/>, <paramref name="end"/>), which then ends at <paramref name="end"/> − 1.</summary>
    public static DemandEntry Pop(DemandEntry[] entries, int start, int end)
    {
        var top = entries[start];
        entries[start] = entries[end - 1];
        SiftDown(entries, start, end - 1, 0);
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SiftDown(DemandEntry[] entries, int start, int end, int i)
    {
        var size = end - start;
        var item = entries[start + i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && entries[start + child + 1].Limit < entries[start + child].Limit)
            {
                child++;
            }

            if (entries[start + child].Limit >= item.Limit)
            {
                break;
            }

            entries[start + i] = entries[start + child];
            i = child;
        }

        entries[start + i] = item;
    }
}
