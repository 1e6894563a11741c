using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;
using Parley.Reports.Charts;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// After the forecast table, the SMP's own result as KTAB reports it: each distinct final
/// position, its probability of prevailing and who holds it (the per-issue forecast above is
/// their probability-weighted mean).
/// </summary>
internal static class SmpView
{
    private const int MaxRows = 10;

    private static FittedTable Direct(Scenario scenario, SmpDetails details, List<SmpPositionProbability> shown, string title)
    {
        var table = new FittedTable { Title = title }.Key("[bold]P(prevails)[/]", Justify.Right);
        foreach (var id in details.Dimensions)
        {
            table.Column($"[bold]{Markup.Escape(scenario.FindIssue(id)?.Name ?? id)}[/]", Justify.Right);
        }

        table.Key("[bold]Held by[/]");
        foreach (var position in shown)
        {
            var cells = new List<string> { position.Probability.ToString("F4", CultureInfo.InvariantCulture) };
            cells.AddRange(position.Position.Select((x, d) => Number(scenario, details.Dimensions[d], x)));
            cells.Add(Markup.Escape(string.Join(", ", position.Actors)));
            table.Row([.. cells]);
        }

        return table;
    }

    private static FittedTable Transposed(Scenario scenario, SmpDetails details, List<SmpPositionProbability> shown, string title)
    {
        var table = new FittedTable { Title = title }.Key("[bold]Issue[/]");
        for (var p = 0; p < shown.Count; p++)
        {
            table.Column(string.Create(CultureInfo.InvariantCulture, $"[bold]#{p + 1}[/]\n{shown[p].Probability:F4}"), Justify.Right);
        }

        for (var d = 0; d < details.Dimensions.Length; d++)
        {
            var id = details.Dimensions[d];
            table.Row([Markup.Escape(scenario.FindIssue(id)?.Name ?? id), .. shown.Select(position => Number(scenario, id, position.Position[d]))]);
        }

        return table;
    }

    private static string Number(Scenario scenario, string issueId, double value) =>
        scenario.FindIssue(issueId) is { } issue ? ScaleNumber.Fixed(value, issue.ScaleWidth) : value.ToString("F1", CultureInfo.InvariantCulture);

    public static void Print(CliConsole console, Scenario scenario, IEnumerable<ModelResult> results)
    {
        foreach (var result in results)
        {
            if (result.Details is not SmpDetails details)
            {
                continue;
            }

            var shown = details.FinalPositions.Take(MaxRows).ToList();
            var title = $"[grey]{Markup.Escape(result.Model.Id)}: distinct final positions, most probable first[/]";
            var direct = Direct(scenario, details, shown, title);
            if (direct.Parts(console.Width) == 1)
            {
                direct.Write(console);
            }
            else
            {
                // Too many issues to stand side by side: one row per issue, one column per final position.
                Transposed(scenario, details, shown, title).Write(console);
                for (var p = 0; p < shown.Count; p++)
                {
                    console.Ansi.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"#{p + 1}: P(prevails) {shown[p].Probability:F4}, held by {string.Join(", ", shown[p].Actors)}")));
                }
            }

            if (details.FinalPositions.Length > MaxRows)
            {
                console.Ansi.MarkupLine($"[grey]… and {details.FinalPositions.Length - MaxRows} more (all in --json details.final_positions).[/]");
            }
        }
    }
}
