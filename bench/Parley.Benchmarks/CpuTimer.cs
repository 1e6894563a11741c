using System.Diagnostics;

namespace Parley.Benchmarks;

/// <summary>
/// A call's cost in process CPU time rather than wall time, for a shared machine where other processes
/// inflate wall-clock figures: the best of several batches, each repeating the call until it has used a
/// minimum of processor time.
/// </summary>
internal static class CpuTimer
{
    /// <summary>
    /// CPU milliseconds and bytes allocated on this thread per call: warm up (tiered JIT) for
    /// <paramref name="warmupMs"/> of wall time, then the best of <paramref name="batches"/> batches of at least
    /// <paramref name="batchMs"/> of CPU each.
    /// </summary>
    public static (double Cpu, double Allocated) Best(Action run, int batches, double batchMs, int warmupMs)
    {
        using var process = Process.GetCurrentProcess();
        var warmup = Stopwatch.StartNew();
        do
        {
            run();
        }
        while (warmup.ElapsedMilliseconds < warmupMs);

        var best = double.PositiveInfinity;
        var allocated = double.PositiveInfinity;
        for (var batch = 0; batch < batches; batch++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var runs = 0;
            double spent;
            do
            {
                run();
                runs++;
                process.Refresh();
                spent = (process.TotalProcessorTime - before).TotalMilliseconds;
            }
            while (spent < batchMs);

            best = Math.Min(best, spent / runs);
            allocated = Math.Min(allocated, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)runs);
        }

        return (best, allocated);
    }
}
