using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Uncertainty;
using Parley.Reports.Html;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley report [SCENARIO] -o FILE [--model M|all] [--draws N] [--stages] [--calibration FILE] [--png DIR] [--svg DIR] [--force] [--stamp]</c>:
/// runs the models (and, with <c>--draws</c>, Monte Carlo and sensitivity analyses; always the
/// influence analysis) through the same code as the other commands and writes one self-contained
/// HTML report (docs/reports.md). Nothing is written when the input is invalid.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new ScenarioInput();
        var selection = new ModelSelection("all", allowAll: true);
        var outputs = new ReportOutputs(new Option<string?>("--output", "-o") { Description = "The HTML file to write (required)." });
        var draws = new Option<int>("--draws", "-n") { Description = $"Monte Carlo draws for the uncertainty section (0-{MonteCarloOptions.MaxDraws:N0}); 0 (the default) leaves it out.", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads of the draws; 0 = one per processor. The report is the same for any number.", DefaultValueFactory = _ => 0 };
        var stages = new Option<bool>("--stages") { Description = "Add the stages section: the scenario's stages run in order with every model." };
        var calibration = new CalibrationOption();
        var analysisModel = new Option<string?>("--analysis-model") { Description = "The model of the uncertainty and influence sections (default: recommended when it runs, else the first model)." };
        var command = new Command("report", "Write an offline HTML report with charts: the scenario and its evidence, the forecast, the bargaining, uncertainty, stages and influence.");
        input.AddTo(command);
        selection.AddTo(command, withTrace: false);
        outputs.AddTo(command, withHtml: true);
        command.Options.Add(draws);
        command.Options.Add(threads);
        command.Options.Add(stages);
        command.Options.Add(analysisModel);
        calibration.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(outputs.Html);
            if (path is null)
            {
                console.Error.WriteLine("parley: report needs -o FILE, the HTML file to write");
                return ExitCodes.InvalidInput;
            }

            var drawCount = parse.GetValue(draws);
            if (!outputs.Check(parse, console) || selection.Request(parse, console) is not { } models)
            {
                return ExitCodes.InvalidInput;
            }

            var source = input.Source(parse);
            var reviewed = ScenarioLoader.LoadForReview(source);
            if (reviewed.Value is not { } shown)
            {
                return Problems.Print(console, reviewed);
            }

            var sourceTexts = Drafting.Sources.SourceTexts.ReadAll(shown.Scenario, source.Path is { } file ? Path.GetDirectoryName(Path.GetFullPath(file)) : null);
            if (shown.Scenario.IsDraft)
            {
                // No model runs on a draft: the report shows the scenario, its evidence in context and what is still to decide.
                var draft = new NegotiationReportInput
                {
                    Scenario = shown.Scenario,
                    Results = [],
                    OpenJudgements = shown.OpenJudgements,
                    SourceTexts = sourceTexts,
                    Command = $"parley report {Path.GetFileName(source.Path ?? source.Name)}",
                    Stamp = outputs.StampText(parse),
                };
                return outputs.Write(parse, console, console.Output, NegotiationReport.ToHtml(draft), () => NegotiationReport.Charts(draft))
                    ? ExitCodes.Success
                    : ExitCodes.InvalidInput;
            }

            var planned = ParleyApplication.PlanReport(new ReportRequest
            {
                Scenario = source,
                Models = models,
                AnalysisModel = parse.GetValue(analysisModel),
                Draws = drawCount,
                Threads = parse.GetValue(threads),
                Stages = parse.GetValue(stages),
                Calibration = calibration.Source(parse),
            });
            if (planned.Value is not { } reportPlan)
            {
                return Problems.Print(console, planned);
            }

            // One bar per part (its phase: models run, draws, coalition runs, searches, ...). A report is of the
            // whole run: cancelled part way, it writes nothing.
            ReportRun ran;
            try
            {
                ran = DrawProgress.RunInPhases(console, "report", phases => reportPlan.Run(null, phases, console.Cancellation));
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("parley: cancelled; no report written");
                return ExitCodes.Cancelled;
            }

            var run = ran.Forecast;
            var scenario = run.Scenario;
            var report = new NegotiationReportInput
            {
                Scenario = scenario,
                Results = run.Results,
                SourceTexts = sourceTexts,
                Staged = ran.Staged,
                Calibration = run.Calibration,
                Uncertainty = ran.Uncertainty,
                Sensitivity = ran.Sensitivity,
                Influence = ran.Influence,
                TrackRecord = ran.TrackRecord,
                Seed = run.Options.Seed,
                Command = Describe(parse, input, reportPlan.Forecast.Setup, reportPlan.AnalysisModel, drawCount, run.Options.Seed),
                Stamp = outputs.StampText(parse),
            };
            return outputs.Write(parse, console, console.Output, NegotiationReport.ToHtml(report), () => NegotiationReport.Charts(report))
                ? ExitCodes.Success
                : ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>The command line that reproduces the report (without the output options), for its footer.</summary>
    private static string Describe(ParseResult parse, ScenarioInput input, ModelSetup setup, string analysis, int draws, ulong seed)
    {
        var scenario = parse.GetValue(input.Path);
        var parts = new List<string> { "parley report" };
        if (scenario is not null)
        {
            parts.Add(Path.GetFileName(scenario));
        }

        parts.Add("--model " + string.Join(",", setup.Models.Select(m => m.Info.Id)));
        parts.Add("--analysis-model " + analysis);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"--draws {draws} --seed {seed}"));
        if (parse.GetValue<bool>("--stages"))
        {
            parts.Add("--stages");
        }

        return string.Join(' ', parts);
    }
}
