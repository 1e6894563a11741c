using Parley.Application;

namespace Parley.Server;

/// <summary>
/// Where a run reports how far it has got: the steps done, and for work in phases (influence) the
/// count within the phase at work.
/// </summary>
internal interface IRunProgress : IProgress<long>, IProgress<PhaseCount>;

/// <summary>
/// A run working in the background: its progress (steps done of <see cref="Total"/>, and the phase
/// at work), its cancellation, and the task that ends when the store holds its final status.
/// </summary>
internal sealed class Job : IRunProgress, IDisposable
{
    private readonly Lock phaseGate = new();
    private long done;
    private PhaseCount? phase;
    private string? cancelReason;

    public Job(long id, string kind, long total)
    {
        Id = id;
        Kind = kind;
        Total = total;
    }

    /// <summary>The run's id in the store.</summary>
    public long Id { get; }

    /// <summary>The analysis.</summary>
    public string Kind { get; }

    /// <summary>The steps the run reports progress towards.</summary>
    public long Total { get; }

    /// <summary>Steps done so far.</summary>
    public long Done => Interlocked.Read(ref done);

    /// <summary>The progress now: steps done of <see cref="Total"/>, with the phase at work if the run reports phases.</summary>
    public RunProgress Progress
    {
        get
        {
            lock (phaseGate)
            {
                return new RunProgress(Done, Total) { Phase = phase };
            }
        }
    }

    /// <summary>Cancelled by <see cref="Cancel"/>, the job time limit or the server stopping.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Why it was cancelled, as the store records it.</summary>
    public string CancelReason => Volatile.Read(ref cancelReason) ?? "cancelled";

    /// <summary>Ends with the run's end once it is in the store.</summary>
    public Task<RunEnd> Completion { get; set; } = Task.FromResult(new RunEnd(Storage.RunStatus.Running, null, null));

    /// <summary>Records progress; never goes backwards.</summary>
    public void Report(long value)
    {
        long before;
        do
        {
            before = Interlocked.Read(ref done);
            if (value <= before)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref done, value, before) != before);
    }

    /// <summary>Records the count of the phase at work (<see cref="PhaseCount.Supersedes"/>: a new phase replaces the one before; within a phase the count never goes backwards).</summary>
    public void Report(PhaseCount value)
    {
        lock (phaseGate)
        {
            if (value.Supersedes(phase))
            {
                phase = value;
            }
        }
    }

    /// <summary>Asks the run to stop, saying why; the first reason given is kept.</summary>
    public void Cancel(string reason)
    {
        Interlocked.CompareExchange(ref cancelReason, reason, null);
        try
        {
            Cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished: nothing to stop.
        }
    }

    public void Dispose() => Cancellation.Dispose();
}
