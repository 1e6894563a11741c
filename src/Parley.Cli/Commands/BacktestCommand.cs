using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Backtesting;
using Parley.Core.Models;
using Parley.Formats;
using Parley.Formats.Deu;
using Parley.Reports;
using Parley.Reports.Charts;
using Parley.Reports.Html;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley backtest FILE… [--format deu] [--models a,b] [--capability equal|gdp|votes] [--mode proposal|issue|both] [--json]
/// [--errors-csv OUT] [--calibration-out FILE] [--cross-validate K] [--report FILE] [--png DIR] [--svg DIR]</c>: runs models on cases with known outcomes (a DEU
/// data set, or scenario files with <c>outcome:</c> per issue) and reports each model's accuracy, per mode.
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
        var mode = new Option<string>("--mode", "--unit")
        {
            Description = "'proposal' (each DEU proposal or scenario file with all its issues, as negotiated), 'issue' (each issue alone) or 'both'.",
            DefaultValueFactory = _ => "both",
        };
        var parameters = new Option<string[]>("--param") { Description = "A model parameter NAME=VALUE given to every model (repeatable)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of the table." };
        var errorsCsv = new Option<string?>("--errors-csv") { Description = "Write every per-issue error as CSV to this new file ('-' for standard output)." };
        var calibrationOut = new Option<string?>("--calibration-out")
        {
            Description = "Write the conformal calibration of every model and mode (quantiles for 50/80/90%, scale, data hash) to this new JSON file, for 'parley forecast --calibration FILE'.",
        };
        var report = new ReportOutputs(new Option<string?>("--report") { Description = "Also write an offline HTML report with charts to this file (docs/reports.md)." });
        var draws = new Option<int>("--draws")
        {
            Description = "Monte Carlo draws per case and candidate spread for the interval calibration (CRPS, 50/80/90% coverage); 0 leaves it out.",
            DefaultValueFactory = _ => Parley.Core.Backtesting.CalibrationOptions.DefaultDraws,
        };
        var crossValidate = new Option<int?>("--cross-validate") { Description = "Outer folds of the nested cross-validation of the recommended model's selection, grouped by proposal (or file); default 10." };
        var command = new Command("backtest", "Test models against known outcomes: mean and median absolute error, share within 10 points, gain over the compromise model.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(models);
        command.Options.Add(capability);
        command.Options.Add(mode);
        command.Options.Add(parameters);
        command.Options.Add(json);
        command.Options.Add(errorsCsv);
        command.Options.Add(calibrationOut);
        command.Options.Add(crossValidate);
        command.Options.Add(draws);
        report.AddTo(command, withHtml: true);
        command.SetAction(parse =>
        {
            var csvPath = parse.GetValue(errorsCsv);
            var calibrationPath = parse.GetValue(calibrationOut);
            var settings = ModelSelection.ParseParameters(parse.GetValue(parameters) ?? [], console);
            if (settings is null || !CanWrite(csvPath, console, "--errors-csv", standardOutput: true) || !CanWrite(calibrationPath, console, "--calibration-out", standardOutput: false) || !report.Check(parse, console))
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
                    Mode = parse.GetValue(mode) ?? "both",
                    CrossValidate = parse.GetValue(crossValidate),
                    CalibrationDraws = parse.GetValue(draws),
                });
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            if (plan.Groups < 2)
            {
                console.Error.WriteLine("parley: note: the intervals (calibrated Monte Carlo and conformal) are scored on groups of cases held out from their fitting, and these cases form one group (one file or proposal); give two or more to have them");
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

            // Every file is checked before any is written: a run refused for one of them leaves none behind.
            var outputs = new OutputSet();
            var notes = new List<string>();
            var csv = csvPath is null ? null : BacktestDocument.ToErrorsCsv(run.Modes);
            if (csvPath is not null && csvPath != "-")
            {
                outputs.Add("--errors-csv", csvPath, csv!, replace: false, NoOverwrite);
            }

            if (calibrationPath is not null && !AddCalibration(console, calibrationPath, run, outputs, notes))
            {
                return ExitCodes.InvalidInput;
            }

            notes.AddRange(AddReport(parse, report, outputs, run.Dataset, run.Modes[0].Result));
            if (!ReportOutputs.WriteAll(outputs, notes, console, console.Error))
            {
                return ExitCodes.InvalidInput;
            }

            if (csvPath == "-")
            {
                console.Output.Write(csv);
                return ExitCodes.Success;
            }

            if (parse.GetValue(json))
            {
                console.Output.Write(BacktestDocument.ToJson(run.Dataset, run.CapabilityLabel, run.Modes));
                return ExitCodes.Success;
            }

            foreach (var modeRun in run.Modes)
            {
                Print(console, run.Dataset, run.CapabilityLabel, modeRun);
            }

            if (csvPath is not null)
            {
                console.Output.WriteLine($"Per-issue errors written to {csvPath}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, string dataset, string? capability, BacktestModeRun run)
    {
        var ansi = console.Ansi;
        var result = run.Result;
        var unit = run.Mode == BacktestMode.Proposal ? "each case with all its issues" : "each issue alone";
        var title = $"Backtest of {dataset} by {run.ModeName} ({unit}): {result.IssuesWithOutcome} issues with known outcomes{(capability is null ? string.Empty : $", capabilities {capability}")}";
        console.Heading($"[bold]{Markup.Escape(title)}[/]");
        var table = new FittedTable().Key("[bold]Model[/]");
        foreach (var header in new[] { "n", "MAE", "Median AE", "Within 10", "vs compromise [95%]", "Nested CV MAE", "Nested vs compromise [95%]" })
        {
            table.Column($"[bold]{Markup.Escape(header)}[/]", Justify.Right);
        }

        foreach (var model in result.Models)
        {
            var name = BacktestCharts.Label(model);
            var isBaseline = model.Model == "compromise" && model.Options.Length == 0;
            table.Row(
                Markup.Escape(name),
                model.Count.ToString(CultureInfo.InvariantCulture),
                Fixed(model.MeanAbsoluteError),
                Fixed(model.MedianAbsoluteError),
                Percent(model.Within10),
                isBaseline ? "-" : Markup.Escape(Interval(model.VersusCompromiseInterval)),
                Fixed(model.NestedCrossValidatedError),
                isBaseline ? "-" : Markup.Escape(Interval(model.NestedVersusCompromise)));
        }

        table.Write(console);
        foreach (var model in result.Models.Where(m => m.Failures > 0))
        {
            ansi.MarkupLine($"[yellow]{Markup.Escape(model.Model)} failed on {model.Failures} case(s), not scored; first: {Markup.Escape(model.FirstFailure ?? string.Empty)}[/]");
        }

        ansi.MarkupLine("[grey]Errors in points of a 0-100 scale. 'vs compromise': mean of (|error| - |compromise error|) per issue with a 95% bootstrap interval over proposals, negative = better. Nested CV: a model chosen from data is scored only on proposals it was not chosen on.[/]");
        var calibrated = result.Models.Where(m => m.Calibration is not null).ToList();
        if (calibrated.Count > 0)
        {
            var intervals = new FittedTable().Key("[bold]Model[/]");
            foreach (var header in new[] { "Spread (CV)", "CRPS", "50% holds", "80% holds", "90% holds" })
            {
                intervals.Column($"[bold]{Markup.Escape(header)}[/]", Justify.Right);
            }

            foreach (var model in calibrated)
            {
                var calibration = model.Calibration!;
                intervals.Row(
                    [Markup.Escape(BacktestCharts.Label(model)), calibration.ChosenSpread.ToString("0.##", CultureInfo.InvariantCulture), Fixed(calibration.MeanCrps),
                    .. calibration.Coverage.Select(c => Percent(c.Share))]);
            }

            intervals.Write(console);
            ansi.MarkupLine(Markup.Escape($"Monte Carlo intervals ({calibrated[0].Calibration!.Draws} draws per case) with the default spread chosen by cross-validation so that each level holds its share of outcomes; coverage and CRPS (points of 0-100) on held-out proposals."));
        }

        var conformal = result.Models.Where(m => m.Conformal is not null).ToList();
        if (conformal.Count > 0)
        {
            var intervals = new FittedTable().Key("[bold]Model[/]");
            foreach (var level in conformal[0].Conformal!.Levels)
            {
                var percent = (level.Level * 100).ToString("0", CultureInfo.InvariantCulture);
                intervals.Column($"[bold]{percent}% ± (pts)[/]", Justify.Right).Column($"[bold]{percent}% holds[/]", Justify.Right);
            }

            foreach (var model in conformal)
            {
                intervals.Row(
                    [Markup.Escape(BacktestCharts.Label(model)),
                    .. model.Conformal!.Levels.SelectMany(c => new[] { double.IsFinite(c.HalfWidth) ? c.HalfWidth.ToString("0.#", CultureInfo.InvariantCulture) : "whole scale", Percent(c.Share) })]);
            }

            intervals.Write(console);
            ansi.MarkupLine(Markup.Escape($"Conformal intervals: forecast ± the half-width shown (from all the errors); 'holds' is the share of outcomes inside when each fold of proposals ({conformal[0].Conformal!.Folds} folds) is scored with the half-width from the other folds."));
        }

        var widths = result.Models.Where(m => m.Conformal is not null && m.NormalizedConformal is not null).ToList();
        if (widths.Count > 0)
        {
            var compared = new FittedTable().Key("[bold]Model[/]");
            foreach (var level in widths[0].Conformal!.Levels)
            {
                var percent = (level.Level * 100).ToString("0", CultureInfo.InvariantCulture);
                compared.Column($"[bold]{percent}% plain holds / width[/]", Justify.Right).Column($"[bold]{percent}% normalized holds / width[/]", Justify.Right);
            }

            foreach (var model in widths)
            {
                compared.Row(
                    [Markup.Escape(BacktestCharts.Label(model)),
                    .. model.Conformal!.Levels.Zip(model.NormalizedConformal!.Levels).SelectMany(pair => new[] { HoldsAndWidth(pair.First), HoldsAndWidth(pair.Second) })]);
            }

            compared.Write(console);
            ansi.MarkupLine(Markup.Escape($"Plain (one width everywhere) against normalized conformal intervals (forecast ± q·s, s = {widths[0].NormalizedConformal!.Scale}: wider where positions are spread): held-out coverage and mean held-out width in points, clipped to the scale."));
        }

        if (!run.Ensembles.IsEmpty)
        {
            var ensembles = new FittedTable().Key("[bold]Ensemble[/]").Column("[bold]n[/]", Justify.Right).Column("[bold]Nested-CV MAE[/]", Justify.Right).Column($"[bold]{Markup.Escape("vs compromise [95%]")}[/]", Justify.Right).Column("[bold]Fitted on all data[/]");
            foreach (var ensemble in run.Ensembles)
            {
                ensembles.Row([Markup.Escape(ensemble.Name), ensemble.Count.ToString(CultureInfo.InvariantCulture), Fixed(ensemble.MeanAbsoluteError), Markup.Escape(Interval(ensemble.VersusCompromise)), Markup.Escape(ensemble.FullData)]);
            }

            ensembles.Write(console);
            ansi.MarkupLine(Markup.Escape("Ensembles and selection by issue features: weights or choices fitted on the training folds of proposals only, scored on the held-out fold."));
        }

        if (run.Selection is { } selection)
        {
            var choices = selection.FoldChoices.GroupBy(step => RecommendedSelection.Describe(step.Chosen)).Select(g => $"{g.Key} in {g.Count()}");
            ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"recommended = the selection procedure's choice: {RecommendedSelection.Describe(selection.FullData.Chosen)} on all the data. Nested CV ({selection.Folds} folds by proposal): MAE {selection.MeanAbsoluteError:F2}, vs compromise {Interval(selection.VersusBaseline)}; chosen per fold: {string.Join(", ", choices)}.")));
        }
    }

    private static string Interval(BootstrapInterval? interval) => interval is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{Signed(interval.Estimate)} [{Signed(interval.Low)}, {Signed(interval.High)}]");

    /// <summary>Adds the HTML report and chart images to <paramref name="outputs"/> when asked for; returns what to say once they are written.</summary>
    private static IReadOnlyList<string> AddReport(ParseResult parse, ReportOutputs report, OutputSet outputs, string dataset, BacktestResult result)
    {
        if (parse.GetValue(report.Html) is null && parse.GetValue(report.Png) is null && parse.GetValue(report.Svg) is null)
        {
            return [];
        }

        var command = $"parley backtest {dataset} --models {string.Join(",", result.Models.Select(m => m.Model))}";
        var html = BacktestReport.ToHtml(dataset, result, command, stamp: report.StampText(parse));

        // Standard output may carry the JSON document or the CSV: what was written is said on standard error.
        return report.Add(parse, outputs, html, () => BacktestReport.Charts(result));
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

    /// <summary>The CSV and the calibration go to a new regular file only (or "-", standard output, where <paramref name="standardOutput"/> allows it): Parley never overwrites a user's file.</summary>
    private static bool CanWrite(string? path, CliConsole console, string option, bool standardOutput)
    {
        if (path is null || (path == "-" && standardOutput) || OutputFile.Check(path, replace: false, NoOverwrite) is not { } problem)
        {
            return true;
        }

        console.Error.WriteLine($"parley: {option}: {problem}");
        return false;
    }

    /// <summary>Adds the calibration file to <paramref name="outputs"/>, to be announced on standard error (standard output may carry JSON); false after saying why there is none.</summary>
    private static bool AddCalibration(CliConsole console, string path, BacktestRun run, OutputSet outputs, List<string> notes)
    {
        var calibration = run.ToCalibration();
        if (calibration.Entries.IsEmpty)
        {
            console.Error.WriteLine("parley: --calibration-out: no model could be calibrated; conformal intervals need cases from at least two groups (proposals or files)");
            return false;
        }

        outputs.Add("--calibration-out", path, IntervalCalibrationDocument.ToJson(calibration), replace: false, NoOverwrite);
        notes.Add($"Calibration of {calibration.Entries.Length} model entries written to {path}.");
        return true;
    }

    private static string HoldsAndWidth(ConformalLevel level) =>
        $"{Percent(level.Share)} / {(double.IsFinite(level.MeanHeldOutWidth) ? level.MeanHeldOutWidth.ToString("0.0", CultureInfo.InvariantCulture) : "whole")}";

    private static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
