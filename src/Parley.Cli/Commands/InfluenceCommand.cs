using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Reports;
using Parley.Reports.Charts;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley influence [SCENARIO] [--model M] [--shift 5] [--issue ID] [--stages]</c>: who holds the
/// key to each issue. Per issue, a table of actors ranked by Shapley value, with how far the forecast
/// moves without each actor and the smallest change of one of its inputs that moves it by the shift.
/// </summary>
internal static class InfluenceCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new ScenarioInput();
        var selection = new ModelSelection("compromise", allowAll: false);
        var blocs = new BlocOption();
        var shift = new Option<double>("--shift") { Description = "How far (on the issue's scale) the smallest change of one input must move the forecast.", DefaultValueFactory = _ => 5 };
        var issueFilter = new Option<string[]>("--issue") { Description = "Only these issues (repeatable); every issue by default.", AllowMultipleArgumentsPerToken = false };
        var stages = new Option<bool>("--stages") { Description = "Analyse the staged forecast (the scenario's stages in order) rather than one round of talks with everyone." };
        var samples = new Option<int>("--samples") { Description = "Random orders sampled for Shapley values when there are more players than --exact-limit.", DefaultValueFactory = _ => InfluenceOptions.Default.Permutations };
        var noControl = new Option<bool>("--no-control") { Description = "Sample Shapley values as plain means of the contributions, without the weighted-mean control variate (larger standard errors for the same --samples)." };
        var exactLimit = new Option<int>("--exact-limit") { Description = "Exact Shapley values (2^n runs) up to this many players (0-20).", DefaultValueFactory = _ => InfluenceOptions.Default.ExactLimit };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the smallest-change search (the costliest part)." };
        var inputs = new Option<string>("--inputs") { Description = "Search only these inputs of each stance, separated by commas: position, salience, capability (all three by default; each costs about a third of the search)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables." };
        var command = new Command("influence", "Who holds the key: each actor's influence on each issue's forecast (absence, Shapley value) and the smallest change that moves it.");
        input.AddTo(command);
        selection.AddTo(command, withTrace: false);
        blocs.AddTo(command);
        command.Options.Add(shift);
        command.Options.Add(issueFilter);
        command.Options.Add(stages);
        command.Options.Add(samples);
        command.Options.Add(noControl);
        command.Options.Add(exactLimit);
        command.Options.Add(noSearch);
        command.Options.Add(inputs);
        command.Options.Add(json);
        var store = new StoreOptions(StoreOptions.SaveDatabaseDescription);
        store.AddTo(command, withSave: true);
        command.SetAction(parse =>
        {
            if (selection.Request(parse, console) is not { } models)
            {
                return ExitCodes.InvalidInput;
            }

            var planned = ParleyApplication.PlanInfluence(new InfluenceRequest
            {
                Scenario = input.Source(parse),
                Models = models,
                Blocs = blocs.Value(parse),
                Shift = parse.GetValue(shift),
                Samples = parse.GetValue(samples),
                ShapleyControl = !parse.GetValue(noControl),
                ExactLimit = parse.GetValue(exactLimit),
                SearchSmallestChange = !parse.GetValue(noSearch),
                SearchedInputs = parse.GetValue(inputs) is { } names ? [.. names.Split(',').Select(name => name.Trim())] : [],
                Issues = [.. parse.GetValue(issueFilter) ?? []],
                Stages = parse.GetValue(stages),
            });
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            if (store.Refuses(parse, console))
            {
                return ExitCodes.InvalidInput;
            }

            using var recording = store.Saving(parse) ? store.Start(parse, console, input.Source(parse), [plan.Model.Info.Id]) : null;
            if (store.Saving(parse) && recording is null)
            {
                return ExitCodes.InvalidInput;
            }

            var result = RunRecording.Run(recording, () => DrawProgress.RunInPhases(console, plan.Model.Info.Id, phases => plan.Run(null, PhaseCount.OfInfluence(phases), console.Cancellation)));
            var wantsJson = parse.GetValue(json);
            if (!RunRecording.Emit(console, recording, wantsJson && !result.Partial, output => output.Write(InfluenceDocument.ToJson(plan.Scenario, result)), result.Partial))
            {
                return ExitCodes.InvalidInput;
            }

            if (!wantsJson)
            {
                Print(console, plan.Scenario, result, plan.Staged);
            }

            if (result.Partial)
            {
                console.Error.WriteLine($"parley: cancelled; {result.Issues.Length} of {plan.TotalSteps} issues finished{(wantsJson ? "; no JSON document is printed for a partial run" : string.Empty)}");
                return ExitCodes.Cancelled;
            }

            RunRecording.Announce(console, recording, wantsJson);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, Scenario scenario, InfluenceResult result, bool staged)
    {
        var ansi = console.Ansi;
        console.Heading($"[bold]Who holds the key: {Markup.Escape(scenario.Title)}[/]");
        ansi.MarkupLine($"[grey]model {Markup.Escape(result.Model.Id)}{(staged ? ", staged forecast" : string.Empty)}; {result.Players} players; {result.Runs} model runs[/]");

        // Without the search no actor has a change to show, which is not "none within range": the column is left out.
        var searched = result.Options.SearchSmallestChange;
        var inputsSearched = result.Options.SearchedInputs.SequenceEqual(InfluenceOptions.InputNames) ? string.Empty : $" ({string.Join(", ", result.Options.SearchedInputs)})";
        if (!searched)
        {
            ansi.MarkupLine("[grey]smallest changes not searched (--no-search)[/]");
        }

        foreach (var issueResult in result.Issues)
        {
            var name = scenario.FindIssue(issueResult.IssueId)?.Name ?? issueResult.IssueId;
            var issue = scenario.FindIssue(issueResult.IssueId);
            var width = issue?.ScaleWidth ?? 100;
            var table = new FittedTable { Title = $"[bold]{Markup.Escape(name)}[/]: forecast {ScaleNumber.Format(issueResult.Forecast, width)}, reference {ScaleNumber.Format(issueResult.Reference, width)}" }
                .Key("[bold]#[/]", Justify.Right)
                .Key("[bold]Actor[/]")
                .Column($"[bold]Shapley{(issueResult.ShapleyExact ? string.Empty : " (sampled, ± standard error)")}[/]", Justify.Right)
                .Column("[bold]Forecast without it[/]", Justify.Right);
            if (searched)
            {
                table.Column($"[bold]Smallest change moving it {ScaleNumber.Format(result.Options.Shift, width)}{inputsSearched}[/]");
            }

            var rank = 0;
            foreach (var actor in issueResult.Actors)
            {
                rank++;
                string[] change = !searched ? []
                    : actor.SmallestChange is { } c ? [$"{Markup.Escape(actor.DescribeSmallestChange())} [grey]forecast {ScaleNumber.Format(c.Forecast, width)}[/]"]
                    : [$"[grey]{Markup.Escape(actor.DescribeSmallestChange())}[/]"];
                table.Row([
                    rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(actor.ActorId),
                    actor.ShapleyStandardError is { } standardError && double.IsFinite(standardError)
                        ? $"{ScaleNumber.Signed(actor.Shapley, width)} [grey]± {ScaleNumber.Fixed(standardError, width)}[/]"
                        : ScaleNumber.Signed(actor.Shapley, width),
                    $"{ScaleNumber.Format(issueResult.Forecast - actor.AbsenceShift, width)} [grey]({ScaleNumber.Signed(-actor.AbsenceShift, width)})[/]",
                    .. change]);
            }

            table.Write(console);
        }

        // The standard error is explained only where a table shows one (values are exact up to --exact-limit players).
        var sampled = result.Issues.Any(i => !i.ShapleyExact)
            ? " Sampled values carry their standard error: about 95 % lie within two of the exact value (--samples raises the orders sampled)."
            : string.Empty;
        ansi.MarkupLine($"[grey]Shapley: the mean forecast move an actor causes on joining, over every order of joining (Shapley 1953; Shapley & Shubik 1954); values sum to forecast - reference.{sampled} See docs/stages.md.[/]");
    }
}
