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
        var uncertainty = new UncertaintyOptions(MonteCarloOptions.DefaultDraws, MonteCarloOptions.MaxDraws);
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
                Print(console, plan.Scenario, result, stopwatch.Elapsed, plan.Options.Threads);
            }

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

    private static void Print(CliConsole console, Scenario scenario, MonteCarloResult result, TimeSpan elapsed, int threads)
    {
        var ansi = console.Ansi;
        ansi.Write(new Rule($"[bold]{Markup.Escape(scenario.Title)}[/]").LeftJustified());
        var table = new Table().Border(console.Redirected ? TableBorder.Ascii : TableBorder.Rounded);
        table.AddColumn("[bold]Issue[/]");
        foreach (var heading in new[] { "estimate", "mean", "sd", "5%", "25%", "50%", "75%", "95%" })
        {
            table.AddColumn(new TableColumn($"[bold]{heading}[/]").RightAligned());
        }

        table.AddColumn("[bold]histogram[/]");
        foreach (var distribution in result.Issues)
        {
            var issue = scenario.FindIssue(distribution.IssueId);
            var cells = new List<string>
            {
                Markup.Escape(issue?.Name ?? distribution.IssueId),
                Number(distribution.Estimate),
                $"[bold]{Number(distribution.Mean)}[/]",
                Number(distribution.StandardDeviation),
            };
            cells.AddRange(distribution.Quantiles.Select(q => Number(q.Value)));
            cells.Add(Sparkline(distribution.Histogram.Select(b => b.Count).ToArray()));
            table.AddRow(cells.ToArray());
        }

        ansi.Write(table);
        if (result.Rounds is { } rounds)
        {
            ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Rounds: mean {rounds.Mean:0.##} (sd {rounds.StandardDeviation:0.##}), 5-95% {rounds.Quantiles[0].Value:0.#}-{rounds.Quantiles[^1].Value:0.#}, range {rounds.Min}-{rounds.Max}; converged in {rounds.ConvergedShare * 100:0.#}% of draws.")));
        }

        var rate = elapsed.TotalSeconds > 0 ? result.Draws / elapsed.TotalSeconds : 0;
        var spread = result.Spread;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Histograms: {(result.Issues.IsEmpty ? 0 : result.Issues[0].Histogram.Length)} equal bins from the scale's min to its max. {result.Model.Id}: {result.Draws:N0} draws{(result.Partial ? $" of {result.DrawsRequested:N0} (PARTIAL: cancelled)" : string.Empty)}, seed {result.Seed}, {result.Inputs.Length} uncertain inputs; default spread +-{spread.Position * 100:0.##}% of the scale for positions, +-{spread.Salience:0.##} salience, +-{spread.Capability * 100:0.##}% capability. {elapsed.TotalSeconds:0.00} s on {(threads == 0 ? Environment.ProcessorCount : threads)} thread(s), {rate:N0} draws/s.");
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

    internal static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
