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
            ansi.Write(new Rule($"[bold]Stage {s + 1}/{stageCount}: {Markup.Escape(first.Stage.Name)}[/] [grey]({Markup.Escape(first.Stage.Id)})[/]").LeftJustified());
            ansi.MarkupLine($"[grey]participants: {Markup.Escape(first.Participants.IsEmpty ? "none" : string.Join(", ", first.Participants))}"
                + (first.Stage.Model is { } own ? $"; model: {Markup.Escape(own)} (the stage's own)" : string.Empty) + "[/]");
            var table = new Table().Border(console.Redirected ? TableBorder.Ascii : TableBorder.Rounded);
            table.AddColumn(new TableColumn("[bold]Issue[/]"));
            foreach (var result in staged)
            {
                table.AddColumn(new TableColumn($"[bold]{Markup.Escape(result.Stages[s].Model.Id)}[/]").RightAligned());
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
                        ? $"[bold]{ForecastView.Number(forecast.Forecast)}[/]" + (statusQuo is { } sq ? $" [grey](from {ForecastView.Number(sq)})[/]" : string.Empty)
                        : "[grey]no stances[/]");
                }

                table.AddRow(cells.ToArray());
            }

            ansi.Write(table);
        }

        var finals = staged.Select(r => new ModelResult { Model = r.Model, Issues = r.Final }).ToList();
        ForecastView.Print(console, scenario with { Title = $"Final forecast after {stageCount} stage{(stageCount == 1 ? string.Empty : "s")}: {scenario.Title}" }, finals);
    }

    /// <summary>The final forecasts of <paramref name="staged"/> as model results (for the JSON document).</summary>
    public static ImmutableArray<ModelResult> Finals(IEnumerable<StagedResult> staged) =>
        [.. staged.Select(r => new ModelResult { Model = r.Model, Issues = r.Final })];
}
