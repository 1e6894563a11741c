using System.CommandLine;
using System.Globalization;
using Parley.Core.Backtesting;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Formats;
using Parley.Formats.Backtesting;
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
            if (!ScenarioInput.TryParseFormat(parse.GetValue(format), console, out var chosenFormat))
            {
                return ExitCodes.InvalidInput;
            }

            var capabilityName = parse.GetValue(capability) ?? "equal";
            if (DeuReader.ParseCapability(capabilityName) is not { } chosenCapability)
            {
                console.Error.WriteLine($"parley: --capability '{capabilityName}' is not known; use one of {DeuReader.CapabilityNames}");
                return ExitCodes.InvalidInput;
            }

            var unitName = parse.GetValue(unit) ?? "issue";
            DeuCaseUnit? chosenUnit = unitName.Trim().ToUpperInvariant() switch
            {
                "ISSUE" => DeuCaseUnit.Issue,
                "PROPOSAL" => DeuCaseUnit.Proposal,
                _ => null,
            };
            if (chosenUnit is null)
            {
                console.Error.WriteLine($"parley: --unit '{unitName}' is not known; use issue or proposal");
                return ExitCodes.InvalidInput;
            }

            var chosenModels = ParseModels(parse.GetValue(models) ?? "all", console);
            var options = ModelSelection.WithParameters(ModelOptions.Default, parse.GetValue(parameters) ?? [], console);
            var csvPath = parse.GetValue(errorsCsv);
            if (chosenModels is null || options is null || !CanWrite(csvPath, console) || !report.Check(parse, console))
            {
                return ExitCodes.InvalidInput;
            }

            var input = BacktestInput.Load(parse.GetValue(inputs) ?? [], chosenFormat, chosenCapability, chosenUnit.Value);
            if (!input.Succeeded)
            {
                Diagnostics.Print(console, input.Diagnostics);
                return ExitCodes.InvalidInput;
            }

            if (input.Cases.IsEmpty)
            {
                console.Error.WriteLine("parley: no case with a known outcome to test; give issues an outcome");
                return ExitCodes.InvalidInput;
            }

            var folds = parse.GetValue(crossValidate);
            var groups = input.Cases.Select(c => c.Group).Distinct(StringComparer.Ordinal).Count();
            if (folds is { } k && (k < 2 || k > groups))
            {
                console.Error.WriteLine($"parley: --cross-validate {k} is not allowed; use from 2 to the number of groups ({groups})");
                return ExitCodes.InvalidInput;
            }

            var result = Backtester.Run(input.Cases, [.. chosenModels.Select(m => new BacktestModel(m, options))], console.Cancellation);
            var grid = TemperedCompromiseModel.CalibrationGrid.Select(o => new BacktestModel(new TemperedCompromiseModel(), o)).ToArray();
            var crossValidated = folds is { } foldCount ? CrossValidation.GroupedKFold(input.Cases, grid, foldCount, console.Cancellation) : null;
            var capabilityLabel = input.ReadDeu ? DeuReader.CapabilityName(chosenCapability) : null;
            var candidates = grid.Select(g => g.Describe()).ToArray();

            if (csvPath is not null)
            {
                var csv = BacktestDocument.ToErrorsCsv(result);
                if (csvPath == "-")
                {
                    console.Output.Write(csv);
                    return ExitCodes.Success;
                }

                if (!OutputFiles.Write(csvPath, csv, console))
                {
                    return ExitCodes.InvalidInput;
                }
            }

            if (!WriteReport(parse, console, report, input.Dataset, result))
            {
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(json))
            {
                console.Output.Write(BacktestDocument.ToJson(input.Dataset, capabilityLabel, result, crossValidated, candidates));
                return ExitCodes.Success;
            }

            Print(console, input.Dataset, capabilityLabel, result, crossValidated, candidates);
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
        ansi.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        var table = new Table().Border(console.Redirected ? TableBorder.Ascii : TableBorder.Rounded);
        foreach (var header in new[] { "Model", "n", "MAE", "Median AE", "Within 10", "Mean error", "vs compromise", "Beats compromise" })
        {
            table.AddColumn(new TableColumn($"[bold]{header}[/]") { Alignment = header == "Model" ? Justify.Left : Justify.Right });
        }

        foreach (var model in result.Models)
        {
            var name = model.Options.Length == 0 ? model.Model : $"{model.Model} ({model.Options})";
            var isBaseline = model.Model == "compromise" && model.Options.Length == 0;
            table.AddRow(
                Markup.Escape(name),
                model.Count.ToString(CultureInfo.InvariantCulture),
                Fixed(model.MeanAbsoluteError),
                Fixed(model.MedianAbsoluteError),
                Percent(model.Within10),
                Signed(model.MeanError),
                isBaseline ? "-" : Signed(model.MeanErrorVsCompromise),
                isBaseline ? "-" : Percent(model.BeatsCompromiseShare));
        }

        ansi.Write(table);
        foreach (var model in result.Models.Where(m => m.Failures > 0))
        {
            ansi.MarkupLine($"[yellow]{Markup.Escape(model.Model)} failed on {model.Failures} case(s), not scored; first: {Markup.Escape(model.FirstFailure ?? string.Empty)}[/]");
        }

        ansi.MarkupLine("[grey]Errors in points of a 0-100 scale. 'vs compromise': mean of (|error| - |compromise error|) per issue, negative = better than the compromise model.[/]");
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
        return report.Write(parse, console, console.Error, html, BacktestReport.Charts(result));
    }

    private static List<IModel>? ParseModels(string text, CliConsole console)
    {
        if (string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return [.. ModelCatalog.All];
        }

        var chosen = new List<IModel>();
        foreach (var id in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ModelCatalog.Find(id) is not { } model)
            {
                console.Error.WriteLine($"parley: unknown model '{id}'; use one of {ModelCatalog.Ids} or all");
                return null;
            }

            if (!chosen.Contains(model))
            {
                chosen.Add(model);
            }
        }

        if (chosen.Count == 0)
        {
            console.Error.WriteLine($"parley: --models is empty; use one or more of {ModelCatalog.Ids}, or all");
            return null;
        }

        return chosen;
    }

    /// <summary>The CSV goes to a new file only: Parley never overwrites a user's file.</summary>
    private static bool CanWrite(string? path, CliConsole console)
    {
        if (path is null || path == "-")
        {
            return true;
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            console.Error.WriteLine($"parley: --errors-csv {path}: the file exists; Parley does not overwrite files, so choose a new name or remove it first");
            return false;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            console.Error.WriteLine($"parley: --errors-csv {path}: the folder {folder} does not exist");
            return false;
        }

        return true;
    }

    private static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
