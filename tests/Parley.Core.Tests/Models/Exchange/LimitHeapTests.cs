using CsCheck;
using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Models.Exchange;

public sealed class LimitHeapTests
{
    [Fact]
    public void LimitHeap_HeapifiedThenPushedInASegment_PopsInAscendingLimitOrderAndLeavesTheRestAlone()
    {
        Gen.Select(Gen.Float[-10, 10].Array[0, 40], Gen.Float[-10, 10].Array[0, 20]).Sample((initial, pushed) =>
        {
            // The heap lives in [3, end) of a larger array; the slots around it must not change.
            var entries = new DemandEntry[3 + initial.Length + pushed.Length + 2];
            entries[0] = entries[^1] = new DemandEntry(-1, 99);
            const int Start = 3;
            var end = Start;
            foreach (var limit in initial)
            {
                entries[end] = new DemandEntry(end, limit);
                end++;
            }

            LimitHeap.Heapify(entries, Start, end);
            foreach (var limit in pushed)
            {
                entries[end] = new DemandEntry(end, limit);
                LimitHeap.Push(entries, Start, end++);
            }

            var popped = new List<float>();
            while (end > Start)
            {
                popped.Add(LimitHeap.Pop(entries, Start, end--).Limit);
            }

            return popped.SequenceEqual(initial.Concat(pushed).Order())
                && entries[0] == new DemandEntry(-1, 99) && entries[^1] == new DemandEntry(-1, 99);
        });
    }
}
