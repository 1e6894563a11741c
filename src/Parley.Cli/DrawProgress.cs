using System.Diagnostics;
using System.Globalization;
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
    public static T Run<T>(CliConsole console, long total, string label, string unit, Func<IProgress<long>?, T> work)
    {
        if (console.Progress is not { } terminal)
        {
            return work(null);
        }

        var counter = new Counter();
        var stopwatch = Stopwatch.StartNew();
        var worker = Task.Run(() => work(counter));
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
                // the delay still shows its bar with the count once.
                var task = context.AddTask(label, maxValue: Math.Max(1, total));
                do
                {
                    Update(task, label, unit, counter.Value, total, stopwatch.Elapsed);
                    context.Refresh();
                }
                while (!Finished(worker, TimeSpan.FromMilliseconds(100)));

                Update(task, label, unit, counter.Value, total, stopwatch.Elapsed);
            });
        return worker.GetAwaiter().GetResult();
    }

    /// <summary>Whether <paramref name="task"/> ended (in any state) within <paramref name="timeout"/>; never throws its exception.</summary>
    private static bool Finished(Task task, TimeSpan timeout) =>
        Task.WhenAny(task, Task.Delay(timeout)).GetAwaiter().GetResult() == task;

    private static void Update(ProgressTask task, string label, string unit, long done, long total, TimeSpan elapsed)
    {
        task.Value = done;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{label} {done:N0}/{total:N0} {unit}, {rate:N1}/s");
    }

    /// <summary>Keeps the latest count reported by the worker threads.</summary>
    private sealed class Counter : IProgress<long>
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        public void Report(long value) => Interlocked.Exchange(ref this.value, value);
    }
}
