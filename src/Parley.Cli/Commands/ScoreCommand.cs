using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Scoring;
using Parley.Reports;
using Parley.Reports.Charts;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley score [SCENARIO…] [--model M] [--draws N] [--seed S] [--json] [--save] [--run ID | --stored] [--db STORE]</c>:
/// scores every model on every issue with a recorded outcome (absolute error, 50/80/90 % interval
/// membership, CRPS of the Monte Carlo distribution), from forecasts computed now or stored in a run.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var scenarios = new Argument<string[]>("scenarios")
        {
            Description = "Scenario files whose issues record outcomes (any supported format). Omit them for the built-in Alaska summit scenario.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string?>("--format") { Description = $"The files' format, when detection by content is not enough: {Formats.ScenarioFiles.FormatNames}." };
        var selection = new ModelSelection("all", allowAll: true);
        selection.Seed.Description = "Seed of the Monte Carlo draws: draw i uses the random stream (seed, i).";
        var draws = new Option<int?>("--draws", "-n")
        {
            Description = $"Monte Carlo draws per model (0 = point forecasts, scored by absolute error only; 1-{ScoreRequest.MaxDraws:N0}); default {ScoreRequest.DefaultDraws:N0}.",
        };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads; 0 = one per processor. The result is the same for any number.", DefaultValueFactory = _ => 0 };
        var spread = new Option<double?>("--spread") { Description = "Default spread for inputs without a range, 0-1; overrides the scenario's default_spread." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (docs/json-output.md) instead of tables." };
        var keepDraws = new Option<bool>("--keep-draws") { Description = "Keep every draw (sorted) in the JSON document, so the forecasts can be scored exactly again later; implied by --save." };
        var run = new Option<long?>("--run") { Description = "Score the forecasts recorded in this run of the store (a score, forecast or montecarlo run) as they were stored." };
        var stored = new Option<bool>("--stored") { Description = "Score, for each scenario, the latest score or forecast run recorded for its id, as it was stored." };
        var store = new StoreOptions("The Parley store: --save records the scores and forecasts there, --run and --stored read them (an SQLite file or postgres://user:password@host:port/database; default parley/parley.db in your data folder).");
        var command = new Command("score", "Score forecasts against what happened: absolute error, 50/80/90 % interval coverage and CRPS per model and issue (docs/track-record.md).");
        command.Arguments.Add(scenarios);
        command.Options.Add(format);
        selection.AddTo(command, withTrace: false);
        command.Options.Add(draws);
        command.Options.Add(threads);
        command.Options.Add(spread);
        command.Options.Add(json);
        command.Options.Add(keepDraws);
        command.Options.Add(run);
        command.Options.Add(stored);
        store.AddTo(command, withSave: true);
        command.SetAction(parse =>
        {
            if (selection.Request(parse, console) is not { } models)
            {
                return ExitCodes.InvalidInput;
            }

            var paths = parse.GetValue(scenarios) ?? [];
            var sources = paths.Length == 0
                ? [ScenarioSource.BuiltIn(parse.GetValue(format))]
                : paths.Select(path => ScenarioSource.FromFile(path, parse.GetValue(format))).ToList();
            var readsStore = parse.GetValue(run) is not null || parse.GetValue(stored);
            var saving = store.Saving(parse);
            if (saving && (readsStore || sources.Count > 1))
            {
                console.Error.WriteLine("parley: --save records the forecasts and scores of one scenario computed now; leave out --run/--stored and give one scenario");
                return ExitCodes.InvalidInput;
            }

            using var opened = readsStore ? store.Open(parse, console, existing: true) : null;
            if (readsStore && opened is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (!readsStore && !saving && parse.GetValue(store.Database) is not null)
            {
                console.Error.WriteLine("parley: --db names the store that --save records in and --run/--stored read from; add one of them");
                return ExitCodes.InvalidInput;
            }

            var request = new ScoreRequest
            {
                Scenarios = [.. sources],
                Models = models,
                Draws = parse.GetValue(draws),
                Threads = parse.GetValue(threads),
                Spread = parse.GetValue(spread),
                KeepDraws = saving || parse.GetValue(keepDraws),
                Store = opened,
                Run = parse.GetValue(run),
                LatestStored = parse.GetValue(stored),
            };
            var planned = ParleyApplication.PlanScore(request);
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            using var recording = saving ? store.Start(parse, console, sources[0], plan.Setup.Models.Select(m => m.Info.Id), implied: ["--keep-draws"]) : null;
            if (saving && recording is null)
            {
                return ExitCodes.InvalidInput;
            }

            var scored = RunRecording.Run(recording, () => DrawProgress.Run(console, plan.TotalSteps, "score", "draws", progress => plan.Run(progress, console.Cancellation)));
            var wantsJson = parse.GetValue(json);
            if (!RunRecording.Emit(console, recording, wantsJson, output => output.Write(ScoreDocument.ToJson(scored.Scenarios))))
            {
                return ExitCodes.InvalidInput;
            }

            if (!wantsJson)
            {
                foreach (var card in scored.Scenarios)
                {
                    Print(console, card);
                }
            }

            RunRecording.Announce(console, recording, wantsJson);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, ScenarioScoreCard card)
    {
        var ansi = console.Ansi;
        var scenario = card.Scenario;
        console.Heading($"[bold]Track record: {Markup.Escape(scenario.Title)}[/]");
        if (scenario.Question is { } question)
        {
            ansi.MarkupLine($"Question: {Markup.Escape(question)}");
        }

        var asOf = scenario.Date is null ? "" : $"forecast as of {scenario.Date}";
        var horizon = scenario.Horizon is null ? "" : $"{(asOf.Length > 0 ? ", " : "")}judged at {scenario.Horizon}";
        ansi.MarkupLine(Markup.Escape(Capitalise($"{asOf}{horizon}{(asOf.Length + horizon.Length > 0 ? "; " : "")}{Origin(card)}.")));

        var scored = card.Models.Where(m => m.Issues.Any(i => i.Score is not null)).ToList();
        if (scored.Count == 0)
        {
            ansi.MarkupLine("No issue has a recorded outcome yet: nothing to score. Record outcomes in the scenario (docs/track-record.md).");
        }
        else
        {
            SummaryTable(scored, TrackRecordCharts.SummaryScaleWidth(card)).Write(console);
            IssueTable(card, scored).Write(console);
            ansi.MarkupLine(Markup.Escape("AE: absolute error of the point forecast. CRPS: continuous ranked probability score of the Monte Carlo distribution (same units, lower is better; equals AE for a point forecast). 50/80/90%: outcome inside the central interval. One scenario is one case: it adds to a record, it does not rank models."));
        }

        foreach (var unscored in card.NotScored)
        {
            var name = scenario.FindIssue(unscored.IssueId)?.Name ?? unscored.IssueId;
            ansi.MarkupLine(Markup.Escape($"Not scored: {name}: {unscored.Reason}"));
        }

        foreach (var note in card.Origin.Notes)
        {
            ansi.MarkupLine(Markup.Escape($"Note: {note}"));
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Origin(ScenarioScoreCard card)
    {
        var origin = card.Origin;
        if (origin.IsStored)
        {
            return string.Create(CultureInfo.InvariantCulture, $"forecasts as stored in run {origin.RunId} ({origin.Command}, {origin.ScenarioVersion}, recorded {origin.RecordedAt:yyyy-MM-dd HH:mm} UTC)");
        }

        var draws = card.Models.IsEmpty ? 0 : card.Models[0].Draws;
        return draws == 0
            ? "point forecasts computed now"
            : string.Create(CultureInfo.InvariantCulture, $"forecasts computed now, {draws:N0} Monte Carlo draws per model, seed {card.Seed}");
    }

    private static FittedTable SummaryTable(IReadOnlyList<ModelScoreCard> models, double scaleWidth)
    {
        var table = new FittedTable().Key("[bold]Model[/]");
        foreach (var header in (string[])["n", "MAE", "CRPS", "50%", "80%", "90%"])
        {
            table.Column($"[bold]{header}[/]", Justify.Right);
        }

        foreach (var model in models)
        {
            var summary = model.Summary;
            table.Row(
                Markup.Escape(model.ModelId),
                summary.Count.ToString(CultureInfo.InvariantCulture),
                Points(summary.MeanAbsoluteError, scaleWidth),
                summary.MeanCrps is { } crps ? Points(crps, scaleWidth) : "-",
                Coverage(summary, 0.5),
                Coverage(summary, 0.8),
                Coverage(summary, 0.9));
        }

        return table;
    }

    private static FittedTable IssueTable(ScenarioScoreCard card, IReadOnlyList<ModelScoreCard> models)
    {
        // The issue's name wraps, with its outcome under it.
        var table = new FittedTable { KeyWidth = 22 }.Key("[bold]Issue (outcome)[/]").Key("[bold]Model[/]");
        foreach (var header in (string[])["Forecast", "AE", "CRPS", "50%", "80%", "90%"])
        {
            table.Column($"[bold]{header}[/]", Justify.Right);
        }

        foreach (var issue in card.Scenario.Issues.Where(i => i.Outcome is not null))
        {
            var line = 0;
            foreach (var model in models)
            {
                if (model.Issues.FirstOrDefault(i => i.IssueId == issue.Id) is not { Score: { } score })
                {
                    continue;
                }

                var width = issue.ScaleWidth;
                table.Row(
                    line == 0 ? $"{Markup.Escape(issue.Name)}\n(outcome {ScaleNumber.Format(score.Observed, width)})" : "",
                    Markup.Escape(model.ModelId),
                    ScaleNumber.Format(score.Forecast, width),
                    ScaleNumber.Format(score.AbsoluteError, width),
                    score.Crps is { } crps ? ScaleNumber.Format(crps, width) : "-",
                    Inside(score, 0.5),
                    Inside(score, 0.8),
                    Inside(score, 0.9));
                line++;
            }
        }

        return table;
    }

    private static string Points(double value, double scaleWidth) => double.IsFinite(value) ? ScaleNumber.Fixed(value, scaleWidth) : "-";

    private static string Coverage(ScoreSummary summary, double level) =>
        summary.Coverage.FirstOrDefault(c => Math.Abs(c.Level - level) < 1e-9) is { Count: > 0 } coverage
            ? string.Create(CultureInfo.InvariantCulture, $"{coverage.Inside}/{coverage.Count}")
            : "-";

    private static string Inside(ForecastScore score, double level) =>
        score.Intervals.FirstOrDefault(h => Math.Abs(h.Interval.Level - level) < 1e-9) is { Interval.Level: > 0 } hit
            ? hit.Inside ? "in" : "out"
            : "-";
}
