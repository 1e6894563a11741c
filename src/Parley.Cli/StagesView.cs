using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// A staged forecast: one table per stage (issues on the table, one column per model, each cell the
/// stage's forecast and the status quo it started from), then the final forecast table.
/// </summary>
internal static class StagesView
{
    public static void Print(CliConsole console, Scenario scenario, IReadOnlyList<StagedResult> staged)
    {
        var ansi = console.Ansi;
        var stageCount = staged[0].Stages.Length;
        for (var s = 0; s < stageCount; s++)
        {
            var first = staged[0].Stages[s];
            console.Heading($"[bold]Stage {s + 1}/{stageCount}: {Markup.Escape(first.Stage.Name)}[/] [grey]({Markup.Escape(first.Stage.Id)})[/]");
            ansi.MarkupLine($"[grey]participants: {Markup.Escape(first.Participants.IsEmpty ? "none" : string.Join(", ", first.Participants))}"
                + (first.Stage.Model is { } own ? $"; model: {Markup.Escape(own)} (the stage's own)" : string.Empty) + "[/]");
            var table = new FittedTable().Key("[bold]Issue[/]");
            foreach (var result in staged)
            {
                table.Column($"[bold]{Markup.Escape(result.Stages[s].Model.Id)}[/]", Justify.Right);
            }

            foreach (var issueId in first.IssuesOnTable)
            {
                var issue = scenario.FindIssue(issueId)!;
                var cells = new List<string> { Markup.Escape(issue.Name) };
                foreach (var result in staged)
                {
                    var stage = result.Stages[s];
                    var statusQuo = stage.StatusQuoBefore.FirstOrDefault(p => p.Key == issueId).Value;
                    cells.Add(stage.Result.ForIssue(issueId) is { } forecast
                        ? $"[bold]{ForecastView.Number(issue, forecast.Forecast)}[/]" + (statusQuo is { } sq ? $" [grey](from {ForecastView.Number(issue, sq)})[/]" : string.Empty)
                        : "[grey]no stances[/]");
                }

                table.Row([.. cells]);
            }

            table.Write(console);
        }

        console.Heading($"[bold]Final forecast after {stageCount} stage{(stageCount == 1 ? string.Empty : "s")}[/]");
        var final = new FittedTable().Key("[bold]Issue[/]").Key("[bold]Settled at[/]");
        foreach (var result in staged)
        {
            final.Column($"[bold]{Markup.Escape(result.Model.Id)}[/]", Justify.Right);
        }

        foreach (var issue in scenario.Issues)
        {
            var settled = staged[0].Stages.LastOrDefault(st => st.Result.ForIssue(issue.Id) is not null)?.Stage.Id;
            var cells = new List<string> { Markup.Escape(issue.Name), Markup.Escape(settled ?? "-") };
            foreach (var result in staged)
            {
                cells.Add(result.ForIssue(issue.Id) is { } forecast
                    ? $"[bold]{ForecastView.Number(issue, forecast.Forecast)}[/]" + (issue.NearestAnchor(forecast.Forecast) is { } anchor ? $" [grey]~{ForecastView.Number(issue, anchor.Value)}[/]" : string.Empty)
                    : "[grey]no stances[/]");
            }

            final.Row([.. cells]);
        }

        final.Write(console);
        ansi.MarkupLine("[grey]~ the nearest labelled point of the issue's scale (see the scenario, or parley forecast without --stages). "
            + "Each stage's outcome is the next stage's status quo; see docs/stages.md.[/]");
        foreach (var result in staged)
        {
            ansi.MarkupLine($"[grey]{Markup.Escape(result.Model.Id)}: {Markup.Escape(result.Model.Name)}. {Markup.Escape(result.Model.Citation)}.[/]");
        }
    }

    /// <summary>The final forecasts of <paramref name="staged"/> as model results (for the JSON document).</summary>
    public static ImmutableArray<ModelResult> Finals(IEnumerable<StagedResult> staged) => Application.ForecastRun.FinalsOf(staged);
}
