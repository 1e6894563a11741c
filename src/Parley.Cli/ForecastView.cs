using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Reports;
using Parley.Reports.Charts;
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

    public static void Print(CliConsole console, Scenario scenario, IReadOnlyList<ModelResult> results, ForecastCalibration? calibration = null)
    {
        var ansi = console.Ansi;
        console.Heading($"[bold]{Markup.Escape(scenario.Title)}[/]");
        var table = new FittedTable { RowSeparators = true }.Key("[bold]Issue[/]");
        foreach (var result in results)
        {
            table.Column($"[bold]{Markup.Escape(result.Model.Id)}[/]");
        }

        foreach (var issue in scenario.Issues)
        {
            var cells = new List<string> { $"[bold]{Markup.Escape(issue.Name)}[/]\n[grey]{Number(issue, issue.ScaleMin)}-{Number(issue, issue.ScaleMax)}{(issue.StatusQuo is { } sq ? $", status quo {Number(issue, sq)}" : string.Empty)}[/]" };
            foreach (var result in results)
            {
                cells.Add(result.ForIssue(issue.Id) is { } forecast ? Cell(issue, forecast.Forecast) : "[grey]no stances[/]");
            }

            table.Row([.. cells]);
        }

        table.Write(console);
        if (scenario.Issues.Any(i => !i.Anchors.IsEmpty))
        {
            var legend = new FittedTable { Title = "[grey]Labelled points of each scale[/]" }.Key("Issue").Key("Point", Justify.Right).Column("Label");
            foreach (var issue in scenario.Issues.Where(i => !i.Anchors.IsEmpty))
            {
                for (var a = 0; a < issue.Anchors.Length; a++)
                {
                    legend.Row(a == 0 ? Markup.Escape(issue.Name) : string.Empty, Number(issue, issue.Anchors[a].Value), Markup.Escape(issue.Anchors[a].Label));
                }
            }

            legend.Write(console);
        }

        foreach (var result in results)
        {
            var rounds = result.Converged is { } converged
                ? $" ({result.RoundsRun} {(result.RoundsRun == 1 ? "round" : "rounds")}, {(converged ? "converged" : "stopped at the round limit")})"
                : string.Empty;
            ansi.MarkupLine($"[grey]{Markup.Escape(result.Model.Id)}: {Markup.Escape(result.Model.Name)}{Markup.Escape(rounds)}. {Markup.Escape(result.Model.Citation)}.[/]");
        }

        PrintIntervals(console, scenario, results, calibration);
    }

    /// <summary>
    /// The calibrated 50/80/90 % intervals of each forecast with what they were calibrated on
    /// (<see cref="CalibratedIntervalTable"/>); without a calibration, a line saying there are no predictive intervals.
    /// </summary>
    public static void PrintIntervals(CliConsole console, Scenario scenario, IReadOnlyList<ModelResult> results, ForecastCalibration? calibration)
    {
        if (calibration is null)
        {
            console.Ansi.MarkupLine($"[grey]{Markup.Escape(CalibratedIntervalTable.Uncalibrated)}[/]");
            return;
        }

        var headers = CalibratedIntervalTable.Headers(calibration);
        var table = new FittedTable { Title = $"[bold]Calibrated intervals[/] [grey](on the issue's scale; {Markup.Escape(calibration.FileName)})[/]" }.Key($"[bold]{headers[0]}[/]").Key($"[bold]{headers[1]}[/]");
        foreach (var header in headers.Skip(2))
        {
            table.Column($"[bold]{Markup.Escape(header)}[/]", Justify.Right);
        }

        foreach (var row in CalibratedIntervalTable.Rows(scenario, results, calibration))
        {
            table.Row([.. row.Select(Markup.Escape)]);
        }

        table.Write(console);
        foreach (var label in CalibratedIntervalTable.Labels(results, calibration))
        {
            console.Ansi.MarkupLine($"[grey]{Markup.Escape(label)}[/]");
        }

        console.Ansi.MarkupLine($"[grey]{Markup.Escape(CalibratedIntervalTable.Meaning)}[/]");
    }

    private static string Cell(Issue issue, double value)
    {
        var nearest = issue.NearestAnchor(value) is { } anchor ? $" [grey]~{Number(issue, anchor.Value)}[/]" : string.Empty;
        return $"[bold]{Number(issue, value)}[/]{nearest}\n{Bar(issue, value)}";
    }

    /// <summary>A text bar with a marker at the forecast's place on the scale: <c>[----|-----]</c>.</summary>
    private static string Bar(Issue issue, double value)
    {
        var share = issue.ScaleWidth > 0 ? (value - issue.ScaleMin) / issue.ScaleWidth : 0;
        var at = (int)Math.Round(Math.Clamp(share, 0, 1) * (BarWidth - 1));
        return "[grey][[[/]" + new string('-', at) + "[yellow]|[/]" + new string('-', BarWidth - 1 - at) + "[grey]]][/]";
    }

    /// <summary>A value on <paramref name="issue"/>'s scale with the decimals its width calls for (<see cref="ScaleNumber"/>: 1 on 0-100, 3 on 0-1).</summary>
    public static string Number(Issue issue, double value) => ScaleNumber.Format(value, issue.ScaleWidth);
}
