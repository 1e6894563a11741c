using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Runs a long Monte Carlo computation with a progress bar (draws done, rate, time left) on a
/// terminal, and without any when the output is redirected.
/// </summary>
internal static class DrawProgress
{
    /// <param name="console">Where to draw the bar (nowhere when redirected).</param>
    /// <param name="total">The count at completion.</param>
    /// <param name="label">Shown first, e.g. the model id.</param>
    /// <param name="unit">What is counted, e.g. "draws" or "model runs".</param>
    /// <param name="work">The computation; it reports its count to the progress it is given (null when redirected).</param>
    public static T Run<T>(CliConsole console, long total, string label, string unit, Func<IProgress<long>?, T> work)
    {
        if (console.Redirected)
        {
            return work(null);
        }

        var counter = new Counter();
        var result = default(T)!;
        console.Ansi.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: total);
                var stopwatch = Stopwatch.StartNew();
                var worker = Task.Run(() => work(counter));
                while (!worker.Wait(100))
                {
                    Update(task, label, unit, counter.Value, total, stopwatch.Elapsed);
                    context.Refresh();
                }

                Update(task, label, unit, counter.Value, total, stopwatch.Elapsed);
                result = worker.GetAwaiter().GetResult();
            });
        return result;
    }

    private static void Update(ProgressTask task, string label, string unit, long done, long total, TimeSpan elapsed)
    {
        task.Value = done;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{label} {done:N0}/{total:N0} {unit}, {rate:N0}/s");
    }

    /// <summary>Keeps the latest count reported by the worker threads.</summary>
    private sealed class Counter : IProgress<long>
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        public void Report(long value) => Interlocked.Exchange(ref this.value, value);
    }
}
