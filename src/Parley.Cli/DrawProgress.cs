using System.Diagnostics;
using System.Globalization;
using Parley.Application;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Runs a long computation with a progress bar (count done, rate, time left) on standard error when
/// that is a terminal and the work takes more than a second; never when standard error is
/// redirected, so files, pipes and JSON output carry no progress. The count comes from the
/// application layer's plans (their <c>TotalSteps</c> and the <see cref="IProgress{T}"/> their
/// <c>Run</c> reports to), which a server can show the same way.
/// </summary>
internal static class DrawProgress
{
    /// <summary>Work that finishes within this shows no bar at all.</summary>
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <param name="console">Where to draw the bar (<see cref="CliConsole.Progress"/>: nowhere when standard error is redirected).</param>
    /// <param name="total">The count at completion.</param>
    /// <param name="label">Shown first, e.g. the model id.</param>
    /// <param name="unit">What is counted, e.g. "draws" or "model runs".</param>
    /// <param name="work">The computation; it reports its count to the progress it is given (null when there is no terminal).</param>
    public static T Run<T>(CliConsole console, long total, string label, string unit, Func<IProgress<long>?, T> work) =>
        RunInPhases(console, label, phases => work(PhaseCount.Counting(phases, unit, total)));

    /// <summary>
    /// <see cref="Run{T}(CliConsole, long, string, string, Func{IProgress{long}, T})"/> for work in phases, each
    /// with its own unit and total (an influence analysis: its coalition runs, then its searches): each phase gets
    /// a bar of its own, with its rate and time left, once the work reports it.
    /// </summary>
    public static T RunInPhases<T>(CliConsole console, string label, Func<IProgress<PhaseCount>?, T> work)
    {
        if (console.Progress is not { } terminal)
        {
            return work(null);
        }

        var counter = new Counter();
        // On a thread of its own (long-running): the work lasts seconds or more, and queued on a busy thread pool its
        // start would wait for a pool thread.
        var worker = Task.Factory.StartNew(() => work(counter), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (Finished(worker, Delay))
        {
            return worker.GetAwaiter().GetResult();
        }

        terminal.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                // The count is drawn at once, then every 100 ms until the work ends: a run that ends just after
                // the delay still shows its bar with the count once. A new phase ends the bar of the one before.
                ProgressTask? task = null;
                var phase = default(PhaseCount);
                do
                {
                    task = Update(context, task, ref phase, label, counter.Value);
                    context.Refresh();
                }
                while (!Finished(worker, TimeSpan.FromMilliseconds(100)));

                Update(context, task, ref phase, label, counter.Value);
            });
        return worker.GetAwaiter().GetResult();
    }

    /// <summary>Whether <paramref name="task"/> ended (in any state) within <paramref name="timeout"/>; never throws its exception.</summary>
    private static bool Finished(Task task, TimeSpan timeout) =>
        Task.WhenAny(task, Task.Delay(timeout)).GetAwaiter().GetResult() == task;

    private static ProgressTask? Update(ProgressContext context, ProgressTask? task, ref PhaseCount phase, string label, (PhaseCount Count, long Since)? now)
    {
        if (now is not { } current)
        {
            return task;
        }

        var (count, since) = current;

        if (task is null || !count.SamePhase(phase))
        {
            task?.StopTask();
            task = context.AddTask(label, maxValue: Math.Max(1, count.Total));
        }

        phase = count;
        task.Value = count.Done;
        var elapsed = Stopwatch.GetElapsedTime(since).TotalSeconds;
        var rate = elapsed > 0 ? count.Done / elapsed : 0;
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{label} {count.Done:N0}/{count.Total:N0} {count.Unit}, {rate:N1}/s");
        return task;
    }

    /// <summary>
    /// Keeps the latest count reported by the worker threads, with the time its phase was first reported
    /// (<see cref="Stopwatch.GetTimestamp"/>, for the rate): within a phase the highest count (threads
    /// report theirs out of order), and the first count of a new phase replaces the last one's.
    /// </summary>
    private sealed class Counter : IProgress<PhaseCount>
    {
        private readonly Lock gate = new();
        private (PhaseCount Count, long Since)? value;

        public (PhaseCount Count, long Since)? Value
        {
            get
            {
                lock (gate)
                {
                    return value;
                }
            }
        }

        public void Report(PhaseCount count)
        {
            lock (gate)
            {
                if (count.Supersedes(value?.Count))
                {
                    value = (count, value is { } last && count.SamePhase(last.Count) ? last.Since : Stopwatch.GetTimestamp());
                }
            }
        }
    }
}
