using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Core.Uncertainty;
using Parley.Reports;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley montecarlo [SCENARIO] [--model M] [--draws N] [--seed S] [--threads T] [--spread X] [--json]</c>:
/// draws the scenario's uncertain inputs, runs the model on each draw and shows per issue the
/// mean, standard deviation, quantiles and a histogram of the forecast. Ctrl-C stops early and
/// reports the draws done so far, marked partial (exit code 130).
/// </summary>
internal static class MonteCarloCommand
{
    private const string Sparks = " ▁▂▃▄▅▆▇█";

    public static Command Create(CliConsole console)
    {
        var uncertainty = new UncertaintyOptions(MonteCarloOptions.DefaultDraws, 1, MonteCarloOptions.MaxDraws);
        var bins = new Option<int>("--bins") { Description = "Histogram bins per issue (1-1000).", DefaultValueFactory = _ => 20 };
        var command = new Command("montecarlo", "Monte Carlo forecast: the spread of each issue's forecast when the inputs vary within their uncertainty.");
        uncertainty.AddTo(command);
        command.Options.Add(bins);
        command.SetAction(parse =>
        {
            if (uncertainty.Request(parse, console) is not { } request)
            {
                return ExitCodes.InvalidInput;
            }

            var planned = ParleyApplication.PlanMonteCarlo(request with { Bins = parse.GetValue(bins) });
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            using var recording = uncertainty.StartRecording(parse, console, plan.Model.Info.Id, out var refused);
            if (refused)
            {
                return ExitCodes.InvalidInput;
            }

            var stopwatch = Stopwatch.StartNew();
            var result = RunRecording.Run(recording, () => DrawProgress.Run(console, plan.TotalSteps, plan.Model.Info.Id, "draws", progress => plan.Run(progress, console.Cancellation)));
            stopwatch.Stop();

            var wantsJson = parse.GetValue(uncertainty.Json);
            if (!RunRecording.Emit(console, recording, wantsJson, output => output.Write(UncertaintyDocument.ToJson(plan.Scenario, result)), result.Partial))
            {
                return ExitCodes.InvalidInput;
            }

            if (!wantsJson)
            {
                Print(console, plan.Scenario, result);
            }

            // The speed goes with the progress bar, to a terminal only: the output itself stays the same bytes
            // for the same seed, however fast the machine and however many threads.
            var threads = plan.Options.Threads == 0 ? Environment.ProcessorCount : plan.Options.Threads;
            var rate = stopwatch.Elapsed.TotalSeconds > 0 ? result.Draws / stopwatch.Elapsed.TotalSeconds : 0;
            console.Progress?.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{plan.Model.Info.Id}: {result.Draws:N0} draws in {stopwatch.Elapsed.TotalSeconds:0.00} s on {threads} {(threads == 1 ? "thread" : "threads")}, {rate:N0} draws/s")));

            if (!result.Partial)
            {
                RunRecording.Announce(console, recording, wantsJson);
            }

            if (result.Partial)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: cancelled; the result is partial ({result.Draws:N0} of {result.DrawsRequested:N0} draws)"));
                return ExitCodes.Cancelled;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, Scenario scenario, MonteCarloResult result)
    {
        var ansi = console.Ansi;
        console.Heading($"[bold]{Markup.Escape(scenario.Title)}[/]");
        var table = new FittedTable().Key("[bold]Issue[/]");
        foreach (var heading in new[] { "estimate", "mean", "sd", "5%", "25%", "50%", "75%", "95%" })
        {
            table.Column($"[bold]{heading}[/]", Justify.Right);
        }

        // A histogram wider than the room left beside the issue names shows adjacent bins merged.
        var bins = result.Issues.IsEmpty ? 0 : result.Issues[0].Histogram.Length;
        var merge = Math.Max(1, (int)Math.Ceiling(bins / (double)Math.Max(10, console.Width - 56)));
        table.Column("[bold]histogram[/]");
        foreach (var distribution in result.Issues)
        {
            var issue = scenario.FindIssue(distribution.IssueId);
            var width = issue?.ScaleWidth ?? 100;
            var cells = new List<string>
            {
                Markup.Escape(issue?.Name ?? distribution.IssueId),
                Number(distribution.Estimate, width),
                $"[bold]{Number(distribution.Mean, width)}[/]",
                Number(distribution.StandardDeviation, width),
            };
            cells.AddRange(distribution.Quantiles.Select(q => Number(q.Value, width)));
            cells.Add(Sparkline(Merge([.. distribution.Histogram.Select(b => b.Count)], merge)));
            table.Row([.. cells]);
        }

        table.Write(console);
        if (result.Rounds is { } rounds)
        {
            ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Rounds: mean {rounds.Mean:0.##} (sd {rounds.StandardDeviation:0.##}), 5-95% {rounds.Quantiles[0].Value:0.#}-{rounds.Quantiles[^1].Value:0.#}, range {rounds.Min}-{rounds.Max}; converged in {rounds.ConvergedShare * 100:0.#}% of draws.")));
        }

        var spread = result.Spread;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Histograms: {bins} equal bins from the scale's min to its max{(merge > 1 ? $", {merge} to a character" : string.Empty)}. {result.Model.Id}: {result.Draws:N0} draws{(result.Partial ? $" of {result.DrawsRequested:N0} (PARTIAL: cancelled)" : string.Empty)}, seed {result.Seed}, {result.Inputs.Length} uncertain inputs; default spread +-{spread.Position * 100:0.##}% of the scale for positions, +-{spread.Salience:0.##} salience, +-{spread.Capability * 100:0.##}% capability.");
        ansi.MarkupLine($"[grey]{Markup.Escape(summary)}[/]");
    }

    /// <summary>One block character per bin, its height proportional to the bin's count.</summary>
    internal static string Sparkline(long[] counts)
    {
        var max = counts.Length == 0 ? 0 : counts.Max();
        if (max == 0)
        {
            return string.Empty;
        }

        var chars = new char[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            chars[i] = counts[i] == 0 ? '·' : Sparks[Math.Max(1, (int)Math.Round(counts[i] * (Sparks.Length - 1.0) / max))];
        }

        return new string(chars);
    }

    /// <summary>The counts of every <paramref name="size"/> adjacent bins summed (the last group may be smaller).</summary>
    internal static long[] Merge(long[] counts, int size) =>
        size <= 1 ? counts : [.. counts.Chunk(size).Select(chunk => chunk.Sum())];

    /// <summary>A number with the decimals its issue's scale calls for: 1 on 0-100, 3 on 0-1 (so a spread of 0.02 does not print as 0.0).</summary>
    internal static string Number(double value, double scaleWidth) => Reports.Charts.ScaleNumber.Fixed(value, scaleWidth);
}
