using System.CommandLine;
using System.Globalization;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Staging;
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
        var draws = new Option<int>("--draws", "-n") { Description = $"Monte Carlo draws for the uncertainty section (0-{Sensitivity.MaxDraws:N0}); 0 (the default) leaves it out.", DefaultValueFactory = _ => 0 };
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

            var drawCount = parse.GetValue(draws);
            if (drawCount is < 0 or > Sensitivity.MaxDraws)
            {
                console.Error.WriteLine($"parley: --draws {drawCount} is not allowed; use 0 to {Sensitivity.MaxDraws:N0}");
                return ExitCodes.InvalidInput;
            }

            var threadCount = parse.GetValue(threads);
            if (threadCount is < 0 or > 1024)
            {
                console.Error.WriteLine($"parley: --threads {threadCount} is not allowed; use 0 (one per processor) to 1024");
                return ExitCodes.InvalidInput;
            }

            if (!outputs.Check(parse, console))
            {
                return ExitCodes.InvalidInput;
            }

            var scenario = input.Load(parse, console);
            var models = scenario is null ? null : selection.Models(parse, console);
            var options = models is null ? null : selection.Options(parse, console);
            if (scenario is null || models is null || options is null)
            {
                return ExitCodes.InvalidInput;
            }

            var analysis = AnalysisModel(parse.GetValue(analysisModel), models, console);
            if (analysis is null)
            {
                return ExitCodes.InvalidInput;
            }

            // The report is the complete record of a run: dynamic models' rounds are always traced.
            options = options with { Trace = true };
            var results = DrawProgress.Run(console, models.Count, "models", "models run", progress =>
                models.Select((m, i) =>
                {
                    var result = m.Run(scenario, options, console.Cancellation);
                    progress?.Report(i + 1);
                    return result;
                }).ToList());
            var staged = parse.GetValue(stages) ? models.Select(m => StagedForecaster.Run(scenario, m, options, console.Cancellation)).ToList() : [];
            var analysisOptions = options with { Trace = false };
            MonteCarloResult? distribution = null;
            SensitivityResult? sensitivity = null;
            if (drawCount > 0)
            {
                var spread = scenario.DefaultSpread;
                distribution = DrawProgress.Run(console, drawCount, analysis.Info.Id, "draws", progress => MonteCarlo.Run(scenario, analysis, new MonteCarloOptions
                {
                    Draws = drawCount,
                    Seed = options.Seed,
                    Threads = threadCount,
                    ModelOptions = analysisOptions,
                    Spread = spread,
                    HistogramBins = 1000,
                    Progress = progress,
                }, console.Cancellation));
                // The tornado ranks one-at-a-time swings; the rank correlations over draws (parley sensitivity) are not drawn, so no draws are spent on them.
                var sensitivityOptions = new SensitivityOptions { Draws = 0, Seed = options.Seed, Threads = threadCount, ModelOptions = analysisOptions, Spread = spread };
                sensitivity = DrawProgress.Run(console, Math.Max(1, Sensitivity.ModelRuns(scenario, sensitivityOptions)), analysis.Info.Id, "model runs", progress =>
                    Sensitivity.Run(scenario, analysis, sensitivityOptions with { Progress = progress }, console.Cancellation));
                if (distribution.Partial || sensitivity.Partial)
                {
                    console.Error.WriteLine("parley: cancelled; no report written");
                    return ExitCodes.Cancelled;
                }
            }

            var influence = InfluenceAnalysis.Run(scenario with { Stages = [] }, analysis, analysisOptions,
                InfluenceOptions.Default with { Seed = options.Seed, SearchSmallestChange = false }, console.Cancellation);
            var report = new NegotiationReportInput
            {
                Scenario = scenario,
                Results = [.. results],
                Staged = [.. staged],
                Uncertainty = distribution,
                Sensitivity = sensitivity,
                Influence = influence,
                Seed = options.Seed,
                Command = Describe(parse, input, models, analysis, drawCount, options.Seed),
                Stamp = outputs.StampText(parse),
            };
            return outputs.Write(parse, console, console.Output, NegotiationReport.ToHtml(report), NegotiationReport.Charts(report))
                ? ExitCodes.Success
                : ExitCodes.InvalidInput;
        });
        return command;
    }

    private static IModel? AnalysisModel(string? id, IReadOnlyList<IModel> models, CliConsole console)
    {
        if (id is null)
        {
            return models.FirstOrDefault(m => m.Info.Id == "recommended") ?? models[0];
        }

        var model = ModelCatalog.Find(id);
        if (model is null)
        {
            console.Error.WriteLine($"parley: --analysis-model '{id}' is not a model; use one of {ModelCatalog.Ids}");
        }

        return model;
    }

    /// <summary>The command line that reproduces the report (without the output options), for its footer.</summary>
    private static string Describe(ParseResult parse, ScenarioInput input, IReadOnlyList<IModel> models, IModel analysis, int draws, ulong seed)
    {
        var scenario = parse.GetValue(input.Path);
        var parts = new List<string> { "parley report" };
        if (scenario is not null)
        {
            parts.Add(Path.GetFileName(scenario));
        }

        parts.Add("--model " + string.Join(",", models.Select(m => m.Info.Id)));
        parts.Add("--analysis-model " + analysis.Info.Id);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"--draws {draws} --seed {seed}"));
        if (parse.GetValue<bool>("--stages"))
        {
            parts.Add("--stages");
        }

        return string.Join(' ', parts);
    }
}
