using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Uncertainty;
using Parley.Reports.Html;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley report [SCENARIO] -o FILE [--model M|all] [--draws N] [--stages] [--png DIR] [--svg DIR] [--force] [--stamp]</c>:
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
        var analysisModel = new Option<string?>("--analysis-model") { Description = "The model of the uncertainty and influence sections (default: recommended when it runs, else the first model)." };
        var command = new Command("report", "Write an offline HTML report with charts: the scenario and its evidence, the forecast, the bargaining, uncertainty, stages and influence.");
        input.AddTo(command);
        selection.AddTo(command, withTrace: false);
        outputs.AddTo(command, withHtml: true);
        command.Options.Add(draws);
        command.Options.Add(threads);
        command.Options.Add(stages);
        command.Options.Add(analysisModel);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(outputs.Html);
            if (path is null)
            {
                console.Error.WriteLine("parley: report needs -o FILE, the HTML file to write");
                return ExitCodes.InvalidInput;
            }

            if (!outputs.Check(parse, console) || selection.Request(parse, console) is not { } models)
            {
                return ExitCodes.InvalidInput;
            }

            var drawCount = parse.GetValue(draws);
            var planned = ParleyApplication.PlanReport(new ReportRequest
            {
                Scenario = input.Source(parse),
                Models = models,
                AnalysisModel = parse.GetValue(analysisModel),
                Draws = drawCount,
                Threads = parse.GetValue(threads),
                Stages = parse.GetValue(stages),
            });
            if (planned.Value is not { } report)
            {
                return Problems.Print(console, planned);
            }

            // The phases run one by one here (not report.Run) so that each has its own progress bar.
            var plan = report.Forecast;
            var run = DrawProgress.Run(console, plan.Setup.Models.Length, "models", "models run", _ => plan.Run(console.Cancellation));
            var staged = report.Stages ? (plan with { Staged = true }).Run(console.Cancellation).Staged : [];
            var distribution = report.MonteCarlo is not { } monteCarlo ? null : DrawProgress.Run(console, monteCarlo.TotalSteps, monteCarlo.Model.Info.Id, "draws", progress => monteCarlo.Run(progress, console.Cancellation));
            var sensitivity = report.Sensitivity is not { } tornado ? null : DrawProgress.Run(console, tornado.TotalSteps, tornado.Model.Info.Id, "model runs", progress => tornado.Run(progress, console.Cancellation));
            if (distribution?.Partial == true || sensitivity?.Partial == true)
            {
                console.Error.WriteLine("parley: cancelled; no report written");
                return ExitCodes.Cancelled;
            }

            var scenario = run.Scenario;
            var document = new NegotiationReportInput
            {
                Scenario = scenario,
                Results = run.Results,
                Staged = staged,
                Uncertainty = distribution,
                Sensitivity = sensitivity,
                Influence = report.Influence.Run(console.Cancellation),
                Seed = run.Options.Seed,
                Command = Describe(parse, input, plan.Setup, report.AnalysisModel, drawCount, run.Options.Seed),
                Stamp = outputs.StampText(parse),
            };
            return outputs.Write(parse, console, console.Output, NegotiationReport.ToHtml(document), () => NegotiationReport.Charts(document))
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
