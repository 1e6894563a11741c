using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Parley.Core.Models;
using Parley.Storage;

namespace Parley.Server;

/// <summary>
/// Records and runs the server's runs: every run is in the store as running before it starts and
/// completed (with its document, in one transaction), failed or cancelled when it ends. Short runs
/// work in the request; jobs work in the background, at most <see cref="ServerOptions.MaxConcurrentJobs"/>
/// at once, each within <see cref="ServerOptions.JobTimeout"/>.
/// </summary>
internal sealed class RunService : IDisposable
{
    private readonly ParleyStore store;
    private readonly ServerOptions options;
    private readonly ILogger<RunService> logger;
    private readonly ConcurrentDictionary<long, Job> jobs = new();
    private readonly ConcurrentDictionary<long, RunProgress> ended = new();
    private readonly ConcurrentQueue<long> endedOrder = new();
    private readonly ConcurrentDictionary<long, RunEnd> unwritten = new();
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource stoppingSource = new();
    private readonly Timer retry;
    private volatile bool stopping;
    private int writingUnwritten;

    public RunService(ParleyStore store, ServerOptions options, ILogger<RunService> logger)
    {
        this.store = store;
        this.options = options;
        this.logger = logger;
        slots = new SemaphoreSlim(options.MaxConcurrentJobs);
        retry = new Timer(_ => WriteUnwritten(), null, RetryInterval, RetryInterval);
    }

    /// <summary>How often the ends of runs the store could not take are written again.</summary>
    public static TimeSpan RetryInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How many runs have ended while the store could not record it (their ends are written once it can).</summary>
    public int UnwrittenEnds => unwritten.Count;

    /// <summary>Records <paramref name="run"/> as running and returns its id.</summary>
    /// <exception cref="StoreException">The store refused it.</exception>
    public long Record(PlannedRun run) => store.StartRun(run.Request);

    /// <summary>Runs <paramref name="run"/> (recorded as <paramref name="id"/>) in the caller, until done or <paramref name="cancellationToken"/>.</summary>
    public RunEnd RunNow(long id, PlannedRun run, CancellationToken cancellationToken)
    {
        // The server stopping cancels the runs working in requests as it cancels the jobs, so that it stops within its wait.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stoppingSource.Token);
        return Execute(id, run, null, linked.Token, () => stoppingSource.IsCancellationRequested
            ? StoppedReason
            : string.Create(CultureInfo.InvariantCulture, $"the request ended before the run finished (the client went away, or the request time limit of {options.RequestTimeout.TotalSeconds:0} s passed)"));
    }

    /// <summary>Why a run the server was working on when it stopped is recorded cancelled.</summary>
    public const string StoppedReason = "the server stopped before the run finished";

    /// <summary>Starts <paramref name="run"/> (recorded as <paramref name="id"/>) as a background job.</summary>
    public Job StartJob(long id, PlannedRun run)
    {
        var job = new Job(id, run.Kind, run.TotalSteps);
        jobs[id] = job;
        job.Completion = RunJob(id, run, job);
        _ = job.Completion.ContinueWith(_ => Forget(job), TaskScheduler.Default);
        return job;
    }

    private async Task<RunEnd> RunJob(long id, PlannedRun run, Job job)
    {
        try
        {
            await slots.WaitAsync(job.Cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return End(id, RunStatus.Cancelled, Reason(job), null);
        }

        try
        {
            // The time limit counts from here: the time a job waited for its turn is not time it worked.
            job.Cancellation.CancelAfter(options.JobTimeout);

            // A job computes for seconds to minutes without yielding: on a thread of its own, so that
            // many jobs at once do not hold the thread pool's threads and starve the requests (and the
            // jobs' own parallel loops) of them. A job waiting for its turn holds no thread.
            return await Task.Factory.StartNew(
                () => Execute(id, run, job, job.Cancellation.Token, () => Reason(job)),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The job of run <paramref name="id"/> while it works; <c>null</c> once it has ended (or for a run that was never a job).</summary>
    public Job? FindJob(long id) => jobs.GetValueOrDefault(id);

    /// <summary>
    /// The last progress of job <paramref name="id"/> once it has ended (kept for the last
    /// <see cref="EndedProgressKept"/> jobs), so a client that subscribes to its events just after it
    /// finished still sees how far it got; <c>null</c> for a job still working or long gone.
    /// </summary>
    public RunProgress? EndedProgress(long id) => ended.TryGetValue(id, out var progress) ? progress : null;

    /// <summary>How many ended jobs' last progress <see cref="EndedProgress"/> keeps.</summary>
    public const int EndedProgressKept = 1024;

    /// <summary>Whether new runs are refused because the server is stopping.</summary>
    public bool Stopping => stopping;

    /// <summary>Cancels every job (the server is stopping) and waits up to <paramref name="wait"/> for the store to record them.</summary>
    public void StopAll(TimeSpan wait)
    {
        stopping = true;
        stoppingSource.Cancel();
        var running = jobs.Values.ToList();
        foreach (var job in running)
        {
            job.Cancel(StoppedReason);
        }

        Task.WaitAll([.. running.Select(j => (Task)j.Completion)], wait);
        WriteUnwritten();
    }

    public void Dispose()
    {
        StopAll(TimeSpan.FromSeconds(10));
        retry.Dispose();
        slots.Dispose();
        stoppingSource.Dispose();
    }

    private string Reason(Job job) => job.Cancellation.IsCancellationRequested && job.CancelReason == "cancelled"
        ? string.Create(CultureInfo.InvariantCulture, $"the job time limit of {options.JobTimeout.TotalSeconds:0} s passed")
        : job.CancelReason;

    private RunEnd Execute(long id, PlannedRun run, IRunProgress? progress, CancellationToken cancellationToken, Func<string> cancelled)
    {
        try
        {
            var output = run.Execute(progress, cancellationToken);
            if (output.Partial)
            {
                return End(id, RunStatus.Cancelled, cancelled() + "; the partial result was not kept", null);
            }

            var completed = new RunEnd(RunStatus.Completed, output.Document, null);
            Write(id, completed);
            return completed;
        }
        catch (OperationCanceledException)
        {
            return End(id, RunStatus.Cancelled, cancelled(), null);
        }
        catch (ModelOptionException error)
        {
            return End(id, RunStatus.Failed, error.Message, null) with { BadInput = true };
        }
        catch (StoreException error)
        {
            logger.LogError("Run {Id}: the store failed: {Error}", id, error.Message);
            return End(id, RunStatus.Failed, $"the store failed: {error.Message}", null);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            logger.LogError(error, "Run {Id} ({Kind}) failed", id, run.Kind);
            return End(id, RunStatus.Failed, $"internal error ({error.GetType().Name}): {error.Message}", null);
        }
    }

    private RunEnd End(long id, RunStatus status, string reason, string? document)
    {
        var end = new RunEnd(status, document, reason);
        Write(id, end);
        return end;
    }

    /// <summary>
    /// Records <paramref name="end"/>; when the store cannot take it (PostgreSQL down, the file gone),
    /// keeps it and writes it again every <see cref="RetryInterval"/>, so a live server never leaves a
    /// run it has finished recorded as running.
    /// </summary>
    private void Write(long id, RunEnd end)
    {
        try
        {
            WriteToStore(id, end);
        }
        catch (StoreException error)
        {
            unwritten[id] = end;
            logger.LogWarning("Run {Id} ended {Status} but the store cannot record it ({Error}); it is written when the store is back", id, ParleyStore.StatusName(end.Status), error.Message);
        }
    }

    private void WriteToStore(long id, RunEnd end)
    {
        if (end.Status == RunStatus.Completed)
        {
            store.CompleteRun(id, end.Document!);
        }
        else
        {
            store.EndRun(id, end.Status, end.Error!);
        }
    }

    /// <summary>Writes the ends the store could not take; one that the store refuses once it answers is recorded failed, saying why.</summary>
    private void WriteUnwritten()
    {
        // One writer at a time: a tick that waits on a slow store is not overtaken by the next.
        if (unwritten.IsEmpty || Interlocked.Exchange(ref writingUnwritten, 1) == 1)
        {
            return;
        }

        try
        {
            WriteEach();
        }
        finally
        {
            Volatile.Write(ref writingUnwritten, 0);
        }
    }

    private void WriteEach()
    {
        foreach (var (id, end) in unwritten)
        {
            try
            {
                if (store.FindRun(id) is not { Summary.Status: RunStatus.Running })
                {
                    unwritten.TryRemove(id, out _);
                    continue;
                }

                try
                {
                    WriteToStore(id, end);
                }
                catch (StoreException refused)
                {
                    // The store answers but refuses this end: at least the run is no longer shown running.
                    store.EndRun(id, RunStatus.Failed, $"the run ended {ParleyStore.StatusName(end.Status)} but the store refused to record it: {refused.Message}");
                }

                unwritten.TryRemove(id, out _);
                logger.LogInformation("Run {Id}: the store is back; its end is recorded", id);
            }
            catch (StoreException)
            {
                // Still unreachable: tried again at the next tick.
            }
        }
    }

    private void Forget(Job job)
    {
        // The last progress is kept before the job is dropped, so a subscriber finds one or the other.
        ended[job.Id] = job.Progress;
        endedOrder.Enqueue(job.Id);
        while (endedOrder.Count > EndedProgressKept && endedOrder.TryDequeue(out var oldest))
        {
            ended.TryRemove(oldest, out _);
        }

        jobs.TryRemove(job.Id, out _);
        job.Dispose();
    }
}
