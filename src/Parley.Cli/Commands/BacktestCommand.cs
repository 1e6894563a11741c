using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Backtesting;
using Parley.Core.Models;
using Parley.Formats;
using Parley.Formats.Deu;
using Parley.Reports;
using Parley.Reports.Html;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley backtest FILE… [--format deu] [--models a,b] [--capability equal|gdp|votes] [--json]
/// [--errors-csv OUT] [--cross-validate K] [--report FILE] [--png DIR] [--svg DIR]</c>: runs models on cases with known outcomes (a DEU
/// data set, or scenario files with <c>outcome:</c> per issue) and reports each model's accuracy.
/// </summary>
internal static class BacktestCommand
{
    private const string NoOverwrite = "Parley does not overwrite files, so choose a new name or remove it first";

    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "A DEU data set (tab-separated), or scenario files/folders whose issues carry 'outcome:'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string?>("--format") { Description = $"The inputs' format: {ScenarioFiles.FormatNames} (deu for DEU data sets)." };
        var models = new Option<string>("--models", "--model", "-m")
        {
            Description = $"Models to test, comma-separated, or 'all': {ModelCatalog.Ids}.",
            DefaultValueFactory = _ => "all",
        };
        var capability = new Option<string>("--capability")
        {
            Description = $"DEU capabilities: {DeuReader.CapabilityNames} (Council voting power by rule and procedure; see docs/validation.md).",
            DefaultValueFactory = _ => "equal",
        };
        var unit = new Option<string>("--unit")
        {
            Description = "DEU cases: 'issue' (one-issue scenario per row) or 'proposal' (all issues of a proposal together, for models that trade across issues).",
            DefaultValueFactory = _ => "issue",
        };
        var parameters = new Option<string[]>("--param") { Description = "A model parameter NAME=VALUE given to every model (repeatable)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of the table." };
        var errorsCsv = new Option<string?>("--errors-csv") { Description = "Write every per-issue error as CSV to this new file ('-' for standard output)." };
        var report = new ReportOutputs(new Option<string?>("--report") { Description = "Also write an offline HTML report with charts to this file (docs/reports.md)." });
        var crossValidate = new Option<int?>("--cross-validate") { Description = "Also cross-validate the recommended model's exponents with K folds grouped by proposal (or file)." };
        var command = new Command("backtest", "Test models against known outcomes: mean and median absolute error, share within 10 points, gain over the compromise model.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(models);
        command.Options.Add(capability);
        command.Options.Add(unit);
        command.Options.Add(parameters);
        command.Options.Add(json);
        command.Options.Add(errorsCsv);
        command.Options.Add(crossValidate);
        report.AddTo(command, withHtml: true);
        command.SetAction(parse =>
        {
            var csvPath = parse.GetValue(errorsCsv);
            var settings = ModelSelection.ParseParameters(parse.GetValue(parameters) ?? [], console);
            if (settings is null || !CanWrite(csvPath, console) || !report.Check(parse, console))
            {
                return ExitCodes.InvalidInput;
            }

            var planned = ParleyApplication.PlanBacktest(
                new BacktestRequest
                {
                    Inputs = [.. parse.GetValue(inputs) ?? []],
                    Format = parse.GetValue(format),
                    Models = new ModelRequest { Models = parse.GetValue(models) ?? "all", Parameters = [.. settings] },
                    Capability = parse.GetValue(capability) ?? "equal",
                    Unit = parse.GetValue(unit) ?? "issue",
                    CrossValidate = parse.GetValue(crossValidate),
                });
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            long scored = 0;
            BacktestRun run;
            try
            {
                run = DrawProgress.Run(console, plan.TotalSteps, "backtest", "cases", progress => plan.Run(Counting(progress, value => Interlocked.Exchange(ref scored, value)), console.Cancellation));
            }
            catch (OperationCanceledException)
            {
                // Accuracy over the cases that happened to finish first is not a backtest of the data set.
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: cancelled; {Interlocked.Read(ref scored):N0} of {plan.TotalSteps:N0} cases were scored; accuracy over part of the cases is not reported"));
                return ExitCodes.Cancelled;
            }

            if (csvPath is not null)
            {
                var csv = BacktestDocument.ToErrorsCsv(run.Result);
                if (csvPath == "-")
                {
                    console.Output.Write(csv);
                    return ExitCodes.Success;
                }

                if (OutputFile.Write(csvPath, csv, replace: false, NoOverwrite) is { } problem)
                {
                    console.Error.WriteLine($"parley: --errors-csv: {problem}");
                    return ExitCodes.InvalidInput;
                }
            }

            if (!WriteReport(parse, console, report, run.Dataset, run.Result))
            {
                return ExitCodes.InvalidInput;
            }

            var candidates = run.Candidates.ToArray();
            if (parse.GetValue(json))
            {
                console.Output.Write(BacktestDocument.ToJson(run.Dataset, run.CapabilityLabel, run.Result, run.CrossValidated, candidates));
                return ExitCodes.Success;
            }

            Print(console, run.Dataset, run.CapabilityLabel, run.Result, run.CrossValidated, candidates);
            if (csvPath is not null)
            {
                console.Output.WriteLine($"Per-issue errors written to {csvPath}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, string dataset, string? capability, BacktestResult result, CrossValidationResult? crossValidated, string[] candidates)
    {
        var ansi = console.Ansi;
        var title = $"Backtest of {dataset}: {result.IssuesWithOutcome} issues with known outcomes{(capability is null ? string.Empty : $", capabilities {capability}")}";
        console.Heading($"[bold]{Markup.Escape(title)}[/]");
        // "baseline" rather than "compromise" in the headers keeps the table within 80 columns.
        var table = new FittedTable().Key("[bold]Model[/]");
        foreach (var header in new[] { "n", "MAE", "Median AE", "Within 10", "Mean error", "vs baseline", "Beats baseline" })
        {
            table.Column($"[bold]{header}[/]", Justify.Right);
        }

        foreach (var model in result.Models)
        {
            var name = model.Options.Length == 0 ? model.Model : $"{model.Model} ({model.Options})";
            var isBaseline = model.Model == "compromise" && model.Options.Length == 0;
            table.Row(
                Markup.Escape(name),
                model.Count.ToString(CultureInfo.InvariantCulture),
                Fixed(model.MeanAbsoluteError),
                Fixed(model.MedianAbsoluteError),
                Percent(model.Within10),
                Signed(model.MeanError),
                isBaseline ? "-" : Signed(model.MeanErrorVsCompromise),
                isBaseline ? "-" : Percent(model.BeatsCompromiseShare));
        }

        table.Write(console);
        foreach (var model in result.Models.Where(m => m.Failures > 0))
        {
            ansi.MarkupLine($"[yellow]{Markup.Escape(model.Model)} failed on {model.Failures} case(s), not scored; first: {Markup.Escape(model.FirstFailure ?? string.Empty)}[/]");
        }

        ansi.MarkupLine("[grey]Errors in points of a 0-100 scale. The baseline is the compromise model. 'vs baseline': mean of (|error| - |compromise error|) per issue, negative = better than the compromise model; 'Beats baseline': the share of issues it forecasts closer.[/]");
        if (crossValidated is not null)
        {
            ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Cross-validation ({crossValidated.Folds} folds by proposal) of the recommended model's exponents: MAE {crossValidated.MeanAbsoluteError:F2} on {crossValidated.Count} held-out issues; in-sample best {candidates[crossValidated.InSampleBest]} with MAE {crossValidated.CandidateMeanAbsoluteErrors[crossValidated.InSampleBest]:F2}.")));
        }
    }

    /// <summary>Writes the HTML report and chart images when asked for; false after printing why one could not be written.</summary>
    private static bool WriteReport(ParseResult parse, CliConsole console, ReportOutputs report, string dataset, BacktestResult result)
    {
        if (parse.GetValue(report.Html) is null && parse.GetValue(report.Png) is null && parse.GetValue(report.Svg) is null)
        {
            return true;
        }

        var command = $"parley backtest {dataset} --models {string.Join(",", result.Models.Select(m => m.Model))}";
        var html = BacktestReport.ToHtml(dataset, result, command, stamp: report.StampText(parse));

        // Standard output may carry the JSON document or the CSV: say what was written on standard error.
        return report.Write(parse, console, console.Error, html, () => BacktestReport.Charts(result));
    }

    /// <summary>Passes counts on to <paramref name="inner"/> (when there is one) and to <paramref name="also"/>.</summary>
    private static CountingProgress Counting(IProgress<long>? inner, Action<long> also) => new(inner, also);

    private sealed class CountingProgress(IProgress<long>? inner, Action<long> also) : IProgress<long>
    {
        public void Report(long value)
        {
            also(value);
            inner?.Report(value);
        }
    }

    /// <summary>The CSV goes to a new regular file only: Parley never overwrites a user's file.</summary>
    private static bool CanWrite(string? path, CliConsole console)
    {
        if (path is null || path == "-" || OutputFile.Check(path, replace: false, NoOverwrite) is not { } problem)
        {
            return true;
        }

        console.Error.WriteLine($"parley: --errors-csv: {problem}");
        return false;
    }

    private static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
