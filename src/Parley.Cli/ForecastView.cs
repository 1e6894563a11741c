using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// The forecast table: one row per issue, one column per model; each model's cell gives the
/// forecast, the nearest labelled point of the scale (as <c>~value</c>) and a bar placing the
/// forecast on the scale. A second table lists each issue's labelled points once.
/// </summary>
internal static class ForecastView
{
    private const int BarWidth = 12;

    public static void Print(CliConsole console, Scenario scenario, IReadOnlyList<ModelResult> results)
    {
        var ansi = console.Ansi;
        var border = console.Redirected ? TableBorder.Ascii : TableBorder.Rounded;
        ansi.Write(new Rule($"[bold]{Markup.Escape(scenario.Title)}[/]").LeftJustified());
        var table = new Table().Border(border).ShowRowSeparators();
        table.AddColumn(new TableColumn("[bold]Issue[/]"));
        foreach (var result in results)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(result.Model.Id)}[/]") { NoWrap = true });
        }

        foreach (var issue in scenario.Issues)
        {
            var cells = new List<string> { $"[bold]{Markup.Escape(issue.Name)}[/]\n[grey]{Number(issue.ScaleMin)}-{Number(issue.ScaleMax)}{(issue.StatusQuo is { } sq ? $", status quo {Number(sq)}" : string.Empty)}[/]" };
            foreach (var result in results)
            {
                cells.Add(result.ForIssue(issue.Id) is { } forecast ? Cell(issue, forecast.Forecast) : "[grey]no stances[/]");
            }

            table.AddRow(cells.ToArray());
        }

        ansi.Write(table);
        if (scenario.Issues.Any(i => !i.Anchors.IsEmpty))
        {
            var legend = new Table().Border(border).Title("[grey]Labelled points of each scale[/]");
            legend.AddColumn("Issue");
            legend.AddColumn("Points");
            foreach (var issue in scenario.Issues.Where(i => !i.Anchors.IsEmpty))
            {
                legend.AddRow(Markup.Escape(issue.Name), string.Join("\n", issue.Anchors.Select(a => $"{Number(a.Value),5}  {Markup.Escape(a.Label)}")));
            }

            ansi.Write(legend);
        }

        foreach (var result in results)
        {
            var rounds = result.Converged is { } converged
                ? $" ({result.RoundsRun} {(result.RoundsRun == 1 ? "round" : "rounds")}, {(converged ? "converged" : "stopped at the round limit")})"
                : string.Empty;
            ansi.MarkupLine($"[grey]{Markup.Escape(result.Model.Id)}: {Markup.Escape(result.Model.Name)}{Markup.Escape(rounds)}. {Markup.Escape(result.Model.Citation)}.[/]");
        }
    }

    private static string Cell(Issue issue, double value)
    {
        var nearest = issue.NearestAnchor(value) is { } anchor ? $" [grey]~{Number(anchor.Value)}[/]" : string.Empty;
        return $"[bold]{Number(value)}[/]{nearest}\n{Bar(issue, value)}";
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
