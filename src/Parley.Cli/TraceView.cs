using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>Prints a dynamic model's rounds: what happened in each, in sentences, then each issue's outcome.</summary>
internal static class TraceView
{
    public static void Print(CliConsole console, Scenario scenario, ModelResult result)
    {
        if (result.Rounds.IsDefaultOrEmpty)
        {
            console.Ansi.MarkupLine($"[grey]{Markup.Escape(result.Model.Id)}: a static model, no rounds to trace.[/]");
            return;
        }

        console.Heading($"[bold]{Markup.Escape(result.Model.Name)}: round by round[/]");
        foreach (var round in result.Rounds)
        {
            console.Ansi.MarkupLine($"[bold]Round {round.Round}[/]");
            foreach (var line in round.Describe())
            {
                console.Ansi.MarkupLine("  " + Markup.Escape(line));
            }

            var outcomes = string.Join(", ", round.Issues.Select(o =>
                $"{scenario.FindIssue(o.Id)?.Name ?? o.Id} {o.Outcome.ToString("0.##", CultureInfo.InvariantCulture)}"));
            console.Ansi.MarkupLine($"  [grey]outcomes: {Markup.Escape(outcomes)}[/]");
        }
    }
}
