using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// The forecast table: one row per issue, one column per model; each cell gives the forecast,
/// a bar placing it on the issue's scale, and the nearest labelled point of the scale.
/// </summary>
internal static class ForecastView
{
    private const int BarWidth = 20;

    public static void Print(CliConsole console, Scenario scenario, IReadOnlyList<ModelResult> results)
    {
        var ansi = console.Ansi;
        ansi.Write(new Rule($"[bold]{Markup.Escape(scenario.Title)}[/]").LeftJustified());
        var table = new Table().Border(console.Redirected ? TableBorder.Ascii : TableBorder.Rounded).ShowRowSeparators();
        table.AddColumn(new TableColumn("[bold]Issue[/]"));
        foreach (var result in results)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(result.Model.Id)}[/]"));
        }

        foreach (var issue in scenario.Issues)
        {
            var cells = new List<string> { $"{Markup.Escape(issue.Name)}\n[grey]scale {Number(issue.ScaleMin)}-{Number(issue.ScaleMax)}{(issue.StatusQuo is { } sq ? $", status quo {Number(sq)}" : string.Empty)}[/]" };
            foreach (var result in results)
            {
                cells.Add(result.ForIssue(issue.Id) is { } forecast ? Cell(issue, forecast.Forecast) : "[grey]no stances[/]");
            }

            table.AddRow(cells.ToArray());
        }

        ansi.Write(table);
        foreach (var result in results)
        {
            var rounds = result.Converged is { } converged
                ? $" ({result.RoundsRun} rounds, {(converged ? "converged" : "stopped at the round limit")})"
                : string.Empty;
            ansi.MarkupLine($"[grey]{Markup.Escape(result.Model.Id)}: {Markup.Escape(result.Model.Name)}{Markup.Escape(rounds)}. {Markup.Escape(result.Model.Citation)}.[/]");
        }
    }

    private static string Cell(Issue issue, double value)
    {
        var text = $"[bold]{Number(value)}[/] {Bar(issue, value)}";
        if (issue.NearestAnchor(value) is { } anchor)
        {
            text += $"\n[grey]~ {Number(anchor.Value)}: {Markup.Escape(anchor.Label)}[/]";
        }

        return text;
    }

    /// <summary>A text bar with a marker at the forecast's place on the scale: <c>[----|-----]</c>.</summary>
    private static string Bar(Issue issue, double value)
    {
        var share = issue.ScaleWidth > 0 ? (value - issue.ScaleMin) / issue.ScaleWidth : 0;
        var at = (int)Math.Round(Math.Clamp(share, 0, 1) * (BarWidth - 1));
        return "[grey][[[/]" + new string('-', at) + "[yellow]|[/]" + new string('-', BarWidth - 1 - at) + "[grey]]][/]";
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
