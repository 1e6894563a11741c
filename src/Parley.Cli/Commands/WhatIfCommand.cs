using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.WhatIf;
using Parley.Reports;
using Parley.Reports.Charts;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley whatif [SCENARIO] --set PATH=VALUE… [--remove-actor ID…] [--add-stage SPEC…] [--overlay FILE] [--stages] [--save [--db DB]]</c>:
/// runs the scenario as written and with the edits (stage by stage with <c>--stages</c> or when the
/// edits add a stage) and shows both side by side per stage and issue, then the final forecast,
/// highlighting what changed.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new ScenarioInput();
        var selection = new ModelSelection("all", allowAll: true);
        var blocs = new BlocOption();
        var set = new Option<string[]>("--set")
        {
            Description = $"Change one input, PATH=VALUE (repeatable). Paths: {ScenarioOverlay.AllowedPaths}. Salience is 0-1 as in scenario files.",
            AllowMultipleArgumentsPerToken = false,
        };
        var remove = new Option<string[]>("--remove-actor") { Description = "Take an actor out: its stances, memberships and seats (repeatable).", AllowMultipleArgumentsPerToken = false };
        var addStage = new Option<string[]>("--add-stage")
        {
            Description = "Append a stage ID:PARTICIPANTS[:ISSUES[:MODEL]], lists comma-separated, * for every issue (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var overlayFile = new Option<string?>("--overlay") { Description = "A YAML overlay file with set, remove_actors and add_stages (docs/stages.md); applied before the command-line edits." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables." };
        var stagesOption = new Option<bool>("--stages") { Description = "Run the scenario's stages in order and compare stage by stage (implied by --add-stage or an overlay that adds stages)." };
        var onlyChanged = new Option<bool>("--only-changed") { Description = "Show only the rows where the what-if differs from the baseline." };
        var command = new Command("whatif", "Compare a scenario's forecast with a modified one (what if an actor moved, cared more, left, or a stage were added).");
        input.AddTo(command);
        selection.AddTo(command, withTrace: false);
        blocs.AddTo(command);
        command.Options.Add(set);
        command.Options.Add(remove);
        command.Options.Add(addStage);
        command.Options.Add(overlayFile);
        command.Options.Add(json);
        command.Options.Add(onlyChanged);
        command.Options.Add(stagesOption);
        var store = new StoreOptions(StoreOptions.SaveDatabaseDescription);
        store.AddTo(command, withSave: true);
        command.SetAction(parse =>
        {
            if (selection.Request(parse, console) is not { } models)
            {
                return ExitCodes.InvalidInput;
            }

            var planned = ParleyApplication.PlanWhatIf(
                new WhatIfRequest
                {
                    Scenario = input.Source(parse),
                    Models = models,
                    Blocs = blocs.Value(parse),
                    Overlay = parse.GetValue(overlayFile) is { } path ? ScenarioSource.FromFile(path) : null,
                    Settings = [.. parse.GetValue(set) ?? []],
                    RemoveActors = [.. parse.GetValue(remove) ?? []],
                    AddStages = [.. parse.GetValue(addStage) ?? []],
                    Stages = parse.GetValue(stagesOption),
                });
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned, countErrors: true);
            }

            if (store.Refuses(parse, console))
            {
                return ExitCodes.InvalidInput;
            }

            if (store.Saving(parse) && parse.GetValue(overlayFile) is not null)
            {
                // The store keeps the scenario's text, not a second file: a rerun could not find the same edits.
                console.Error.WriteLine("parley: --save cannot keep an --overlay file; give its edits with --set, --remove-actor and --add-stage so the stored run can be rerun");
                return ExitCodes.InvalidInput;
            }

            using var recording = store.Saving(parse) ? store.Start(parse, console, input.Source(parse), plan.Models.Select(m => m.Info.Id)) : null;
            if (store.Saving(parse) && recording is null)
            {
                return ExitCodes.InvalidInput;
            }

            var run = RunRecording.Run(recording, () => plan.Run(console.Cancellation));
            var wantsJson = parse.GetValue(json);
            if (!RunRecording.Emit(console, recording, wantsJson, output => output.Write(WhatIfDocument.ToJson(run.Original, run.Overlay, run.Comparisons))))
            {
                return ExitCodes.InvalidInput;
            }

            if (wantsJson)
            {
                RunRecording.Announce(console, recording, wantsJson);
                return ExitCodes.Success;
            }

            Print(console, run.Baseline, run.Overlay, run.Comparisons, parse.GetValue(onlyChanged));
            RunRecording.Announce(console, recording, wantsJson);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, Core.Domain.Scenario scenario, ScenarioOverlay overlay, IReadOnlyList<(string Model, ImmutableArray<ComparisonRow> Rows)> comparisons, bool onlyChanged)
    {
        var ansi = console.Ansi;
        console.Heading($"[bold]What if: {Markup.Escape(scenario.Title)}[/]");
        foreach (var line in Describe(overlay))
        {
            ansi.MarkupLine($"  {Markup.Escape(line)}");
        }

        foreach (var (model, rows) in comparisons)
        {
            var table = new FittedTable { Title = $"[bold]{Markup.Escape(model)}[/]" }
                .Key(string.Empty)
                .Key("[bold]Stage[/]")
                .Key("[bold]Issue[/]")
                .Column("[bold]Baseline[/]", Justify.Right)
                .Column("[bold]What-if[/]", Justify.Right)
                .Column("[bold]Change[/]", Justify.Right);
            string? lastStage = "\0";
            foreach (var row in rows.Where(r => r.Changed || !onlyChanged))
            {
                var stage = row.IsFinal ? "final" : row.StageId!;
                var issue = scenario.FindIssue(row.IssueId);
                var width = issue?.ScaleWidth ?? 100;
                var style = row.Changed ? "bold yellow" : "grey";
                table.Row(
                    row.Changed ? "[bold yellow]*[/]" : string.Empty,
                    stage == lastStage ? string.Empty : (row.IsFinal ? "[bold]final[/]" : Markup.Escape(stage)),
                    Markup.Escape(issue?.Name ?? row.IssueId),
                    Value(row.Baseline, width),
                    $"[{style}]{Value(row.Variant, width)}[/]",
                    $"[{style}]{(row.Delta is { } delta ? Signed(delta, width) : (row.Changed ? "new/gone" : string.Empty))}[/]");
                lastStage = stage;
            }

            table.Write(console);
        }

        if (onlyChanged && comparisons.All(c => c.Rows.All(r => !r.Changed)))
        {
            ansi.MarkupLine("[grey]No forecast changed.[/]");
        }

        ansi.MarkupLine("[grey]* the what-if differs from the baseline. Stages run in order; each stage's outcome is the next one's status quo (docs/stages.md).[/]");
    }

    private static IEnumerable<string> Describe(ScenarioOverlay overlay)
    {
        foreach (var setting in overlay.Settings)
        {
            yield return $"set {setting.Path} = {setting.Value.ToString("R", CultureInfo.InvariantCulture)}";
        }

        foreach (var removal in overlay.Removals)
        {
            yield return $"remove actor {removal.ActorId}";
        }

        foreach (var (stage, _) in overlay.AddedStages)
        {
            yield return $"add stage {stage.Id}: {string.Join(", ", stage.Participants)}"
                + (stage.Issues.IsEmpty ? " on every issue" : $" on {string.Join(", ", stage.Issues)}")
                + (stage.Model is { } model ? $" with {model}" : string.Empty);
        }
    }

    private static string Value(double? value, double width) => value is { } v ? ScaleNumber.Format(v, width) : "-";

    /// <summary>A change with its sign; a change too small for the scale's decimals still shows which way it went ("+0.0").</summary>
    private static string Signed(double delta, double width)
    {
        var text = ScaleNumber.Signed(delta, width);
        return text != "0" || delta == 0 ? text : (delta > 0 ? "+" : "-") + ScaleNumber.Fixed(0, width);
    }
}
