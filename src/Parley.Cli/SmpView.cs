using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;
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

    public static void Print(CliConsole console, Scenario scenario, IEnumerable<ModelResult> results)
    {
        foreach (var result in results)
        {
            if (result.Details is not SmpDetails details)
            {
                continue;
            }

            var border = console.Redirected ? TableBorder.Ascii : TableBorder.Rounded;
            var table = new Table().Border(border)
                .Title($"[grey]{Markup.Escape(result.Model.Id)}: distinct final positions, most probable first[/]");
            table.AddColumn(new TableColumn("[bold]P(prevails)[/]").RightAligned());
            foreach (var id in details.Dimensions)
            {
                table.AddColumn(new TableColumn($"[bold]{Markup.Escape(scenario.FindIssue(id)?.Name ?? id)}[/]").RightAligned());
            }

            table.AddColumn(new TableColumn("[bold]Held by[/]"));
            foreach (var position in details.FinalPositions.Take(MaxRows))
            {
                var cells = new List<string> { position.Probability.ToString("F4", CultureInfo.InvariantCulture) };
                cells.AddRange(position.Position.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)));
                cells.Add(Markup.Escape(string.Join(", ", position.Actors)));
                table.AddRow(cells.ToArray());
            }

            console.Ansi.Write(table);
            if (details.FinalPositions.Length > MaxRows)
            {
                console.Ansi.MarkupLine($"[grey]… and {details.FinalPositions.Length - MaxRows} more (all in --json details.final_positions).[/]");
            }
        }
    }
}
