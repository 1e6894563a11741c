namespace Parley.Core.Models;

/// <summary>
/// Tells a model that it runs inside work already spread over every core (a Monte Carlo worker, an
/// influence analysis' parallel searches), so that it should not split its own run over threads:
/// two levels of parallelism on two cores only add scheduling and thread-pool traffic (SMP on
/// dummyData_6Dim ran 2,000 Monte Carlo draws in 19 s on one outer thread and 30 s on two, with
/// 41 s of system time in an influence analysis). Models give the same bits either way; this only
/// chooses where the threads are.
/// </summary>
internal static class NestedParallelism
{
    [ThreadStatic]
    private static int depth;

    /// <summary>Whether the calling thread is one of an outer parallel loop's workers.</summary>
    public static bool IsOuterWorker => depth > 0;

    /// <summary>Marks the calling thread as an outer worker until the scope is disposed (when <paramref name="parallel"/>; else does nothing).</summary>
    public static Scope Enter(bool parallel = true)
    {
        if (parallel)
        {
            depth++;
        }

        return new Scope(parallel);
    }

    /// <summary>Ends an <see cref="Enter"/> scope on the thread that entered it.</summary>
    public readonly struct Scope(bool entered) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose()
        {
            if (entered)
            {
                depth--;
            }
        }
    }
}
