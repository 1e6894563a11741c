using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley runs list|show|diff|rerun</c>: the runs recorded with <c>--save</c> in the Parley store
/// (<c>--db</c>, by default <c>parley/parley.db</c> in the user's data folder). Reading commands never
/// change the store; <c>rerun</c> records its run only with <c>--save</c>.
/// </summary>
internal static class RunsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("runs", "The runs recorded with --save: list, show, compare and rerun them.");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Diff(console));
        command.Subcommands.Add(Rerun(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var store = new StoreOptions();
        var limit = new Option<int>("--limit") { Description = "Show at most this many runs, newest first (1-100000).", DefaultValueFactory = _ => 50 };
        var scenario = new Option<string?>("--scenario") { Description = "Only the runs of this scenario id (ID), or of one version of it (ID@N)." };
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command("list", "List recorded runs, newest first.");
        store.AddTo(command, withSave: false);
        command.Options.Add(limit);
        command.Options.Add(scenario);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var count = parse.GetValue(limit);
            if (count is < 1 or > 100_000)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: --limit {count} is not allowed; use 1 to 100000"));
                return ExitCodes.InvalidInput;
            }

            return store.With(parse, console, opened =>
            {
                var filter = parse.GetValue(scenario);
                var (name, version) = (filter, (int?)null);
                if (filter is not null)
                {
                    if (ScenariosCommand.Resolve(console, opened, filter) is not { } named)
                    {
                        return ExitCodes.InvalidInput;
                    }

                    // ID alone names the scenario (every version), ID@N one version.
                    (name, version) = (named.Name, filter.Contains('@', StringComparison.Ordinal) && filter != named.Name ? named.Version : null);
                }

                var runs = opened.ListRuns(count, name, version);
                if (parse.GetValue(json))
                {
                    console.Output.WriteLine(JsonSerializer.Serialize(runs.Select(RunJson), StoreOptions.Json));
                    return ExitCodes.Success;
                }

                if (runs.Count == 0)
                {
                    console.Output.WriteLine(filter is null
                        ? $"No runs in {opened.Location.Display}; record one with 'parley forecast --save'."
                        : $"No runs of scenario {(version is null ? $"'{name}'" : $"version {filter}")} in {opened.Location.Display}; 'parley runs list' shows every run, 'parley scenarios list' the scenarios.");
                    return ExitCodes.Success;
                }

                var table = new FittedTable().Key("[bold]Run[/]", Justify.Right);
                foreach (var column in (string[])["Status", "Command", "Scenario", "Models", "Started (UTC)", "Seconds", "Scenario hash"])
                {
                    table.Column($"[bold]{column}[/]");
                }

                foreach (var run in runs)
                {
                    table.Row(
                        run.Id.ToString(CultureInfo.InvariantCulture),
                        ParleyStore.StatusName(run.Status),
                        Markup.Escape(run.Command),
                        Markup.Escape($"{run.ScenarioName}@{run.ScenarioVersion}"),
                        Markup.Escape(string.Join(", ", run.Models)),
                        run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        run.FinishedAt is { } end ? (end - run.StartedAt).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "-",
                        run.ScenarioHash[..12]);
                }

                table.Write(console);
                return ExitCodes.Success;
            }, existing: true);
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var store = new StoreOptions();
        var id = new Argument<long>("id") { Description = "The run's number (see 'parley runs list')." };
        var result = new Option<bool>("--result") { Description = "Print only the stored result document, byte for byte as the run printed it with --json." };
        var json = new Option<bool>("--json") { Description = "Print the run's record as JSON (the result document included)." };
        var command = new Command("show", "Show everything recorded about one run.");
        command.Arguments.Add(id);
        store.AddTo(command, withSave: false);
        command.Options.Add(result);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var opened = store.Open(parse, console, existing: true);
            if (opened is null || Find(console, opened, parse.GetValue(id)) is not { } run)
            {
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(result))
            {
                if (run.Result is null)
                {
                    console.Error.WriteLine($"parley: run {run.Summary.Id} has no result: it is {ParleyStore.StatusName(run.Summary.Status)}{(run.Error is null ? "" : $" ({run.Error})")}");
                    return ExitCodes.InvalidInput;
                }

                console.Output.Write(run.Result);
                return ExitCodes.Success;
            }

            var scenario = opened.FindRunScenario(run.Summary.Id)!;
            if (parse.GetValue(json))
            {
                var record = new Dictionary<string, object?>(RunJson(run.Summary))
                {
                    ["arguments"] = run.Arguments,
                    ["options"] = run.Options,
                    ["seed"] = run.Seed,
                    ["parley_version"] = run.ParleyVersion,
                    ["scenario_file"] = scenario.FileName,
                    ["scenario_format"] = scenario.Format,
                    ["error"] = run.Error,
                    ["result_sha256"] = run.ResultHash,
                    ["result"] = run.Result is null ? null : JsonDocument.Parse(run.Result).RootElement,
                };
                console.Output.WriteLine(JsonSerializer.Serialize(record, StoreOptions.Json));
                return ExitCodes.Success;
            }

            var summary = run.Summary;
            var builtIn = StoreOptions.RanBuiltIn(run.Options);
            var lines = new List<(string, string)>
            {
                ("run", summary.Id.ToString(CultureInfo.InvariantCulture)),
                ("status", ParleyStore.StatusName(summary.Status) + (run.Error is null ? "" : $": {run.Error}")),
                ("command", $"parley {summary.Command}{(builtIn ? "" : " " + scenario.FileName)} {string.Join(" ", run.Arguments.Select(Quote))}".TrimEnd()
                    + (UsedOverlay(run) ? $" ({OverlayNote}; --json shows the overlay's text)" : "")),
                ("scenario", $"{scenario.Reference} ({scenario.Format}, {(builtIn ? "the built-in scenario " : "")}{scenario.FileName}); 'parley scenarios show {scenario.Reference}' prints it"),
                ("scenario sha256", summary.ScenarioHash),
                ("models", string.Join(", ", summary.Models)),
                ("options", string.Join(", ", run.Options.Select(o => $"{o.Key}={o.Value}"))),
                ("seed", run.Seed?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                ("parley", run.ParleyVersion),
                ("started", Time(summary.StartedAt)),
                ("finished", summary.FinishedAt is { } end ? $"{Time(end)} ({(end - summary.StartedAt).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)" : "-"),
                ("result sha256", run.ResultHash is null ? "-" : $"{run.ResultHash} ({run.Result!.Length.ToString("N0", CultureInfo.InvariantCulture)} characters; --result prints it)"),
            };
            var width = lines.Max(line => line.Item1.Length);
            foreach (var (name, value) in lines)
            {
                console.Output.WriteLine($"{name.PadRight(width)}  {value}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff(CliConsole console)
    {
        var store = new StoreOptions();
        var first = new Argument<long>("first") { Description = "The earlier run's number." };
        var second = new Argument<long>("second") { Description = "The later run's number." };
        var limit = new Option<int>("--limit") { Description = "Show at most this many differing values (1-100000).", DefaultValueFactory = _ => 40 };
        var json = new Option<bool>("--json") { Description = "Print the differences as JSON." };
        var command = new Command("diff", "Compare two runs: their scenario versions, options and results, value by value.");
        command.Arguments.Add(first);
        command.Arguments.Add(second);
        store.AddTo(command, withSave: false);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var shown = parse.GetValue(limit);
            if (shown is < 1 or > 100_000)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: --limit {shown} is not allowed; use 1 to 100000"));
                return ExitCodes.InvalidInput;
            }

            using var opened = store.Open(parse, console, existing: true);
            if (opened is null || Find(console, opened, parse.GetValue(first)) is not { } a || Find(console, opened, parse.GetValue(second)) is not { } b)
            {
                return ExitCodes.InvalidInput;
            }

            if (a.Result is null || b.Result is null)
            {
                var missing = a.Result is null ? a : b;
                console.Error.WriteLine($"parley: run {missing.Summary.Id} has no result to compare: it is {ParleyStore.StatusName(missing.Summary.Status)}");
                return ExitCodes.InvalidInput;
            }

            var scenarioA = opened.FindRunScenario(a.Summary.Id)!;
            var scenarioB = opened.FindRunScenario(b.Summary.Id)!;
            var scenarioChanges = scenarioA.Hash == scenarioB.Hash ? [] : ScenarioDiff.Between(scenarioA.ToScenario(), scenarioB.ToScenario());
            var optionChanges = a.Options.Keys.Union(b.Options.Keys).Order(StringComparer.Ordinal)
                .Where(key => a.Options.GetValueOrDefault(key) != b.Options.GetValueOrDefault(key))
                .Select(key => new ResultChange(key, a.Options.GetValueOrDefault(key), b.Options.GetValueOrDefault(key)))
                .ToList();
            if (a.Summary.Command != b.Summary.Command)
            {
                optionChanges.Insert(0, new ResultChange("command", a.Summary.Command, b.Summary.Command));
            }

            if (a.ParleyVersion != b.ParleyVersion)
            {
                optionChanges.Add(new ResultChange("parley version", a.ParleyVersion, b.ParleyVersion));
            }

            var resultChanges = ResultDiff.Between(a.Result, b.Result);
            if (parse.GetValue(json))
            {
                console.Output.WriteLine(JsonSerializer.Serialize(new
                {
                    First = a.Summary.Id,
                    Second = b.Summary.Id,
                    Scenario = new { First = scenarioA.Reference, Second = scenarioB.Reference, Changes = scenarioChanges },
                    Options = optionChanges,
                    ResultIdentical = a.ResultHash == b.ResultHash,
                    Result = resultChanges,
                }, StoreOptions.Json));
                return ExitCodes.Success;
            }

            console.Output.WriteLine($"run {a.Summary.Id} ({a.Summary.Command} {scenarioA.Reference}) -> run {b.Summary.Id} ({b.Summary.Command} {scenarioB.Reference})");
            console.Output.WriteLine(scenarioChanges.IsEmpty
                ? scenarioA.Hash == scenarioB.Hash ? "scenario: the same (sha256 " + scenarioA.Hash[..12] + ")" : "scenario: the same data, different files"
                : $"scenario: {scenarioChanges.Length} change(s)");
            foreach (var change in scenarioChanges)
            {
                console.Output.WriteLine($"  {change}");
            }

            console.Output.WriteLine(optionChanges.Count == 0 ? "options: the same" : $"options: {optionChanges.Count} change(s)");
            foreach (var change in optionChanges)
            {
                console.Output.WriteLine($"  {change}");
            }

            console.Output.WriteLine(resultChanges.IsEmpty ? "result: byte-identical" : $"result: {resultChanges.Length.ToString("N0", CultureInfo.InvariantCulture)} value(s) differ");
            foreach (var change in resultChanges.Take(shown))
            {
                console.Output.WriteLine($"  {change}");
            }

            if (resultChanges.Length > shown)
            {
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {resultChanges.Length - shown:N0} more (--limit)"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rerun(CliConsole console)
    {
        var store = new StoreOptions();
        var id = new Argument<long>("id") { Description = "The run's number (see 'parley runs list')." };
        var command = new Command("rerun", "Run a recorded run again (same scenario version, options and seed) and say whether the result is byte-identical; exit code 1 when it differs.");
        command.Arguments.Add(id);
        store.AddTo(command, withSave: true);
        command.SetAction(parse =>
        {
            using var opened = store.Open(parse, console, existing: true);
            if (opened is null || Find(console, opened, parse.GetValue(id)) is not { } run)
            {
                return ExitCodes.InvalidInput;
            }

            if (UsedOverlay(run))
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parley: run {run.Summary.Id} cannot be rerun: {OverlayNote}. To run its edits again, save the overlay's text ('parley runs show {run.Summary.Id} --json', options.overlay) to a file and give it to 'parley whatif --overlay FILE'"));
                return ExitCodes.InvalidInput;
            }

            if (run.Summary.Command == "report")
            {
                // The server records report runs; their HTML is not a JSON result to compare, and 'parley report' has no --json.
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parley: run {run.Summary.Id} is a report run, which 'runs rerun' cannot replay (it replays analyses whose result is a JSON document); make the report again with 'parley report' and the options 'parley runs show {run.Summary.Id}' lists, or POST /runs/report with the same body"));
                return ExitCodes.InvalidInput;
            }

            var scenario = opened.FindRunScenario(run.Summary.Id)!;
            var folder = Directory.CreateTempSubdirectory("parley-rerun-");
            try
            {
                // The stored file, under its own name, read by the same command as the first time.
                var path = Path.Combine(folder.FullName, scenario.FileName);
                File.WriteAllText(path, scenario.Content);
                List<string> arguments = [run.Summary.Command, path, "--format", scenario.Format, .. run.Arguments, "--json"];
                if (parse.GetValue(store.Save))
                {
                    arguments.AddRange(["--save", "--db", parse.GetValue(store.Database) ?? opened.Location.Target]);
                }

                using var output = new StringWriter();
                using var error = new StringWriter();
                var exit = ParleyApp.Run([.. arguments], new CliConsole(output, error, redirected: true) { Cancellation = console.Cancellation });
                console.Error.Write(error.ToString().Replace(path, scenario.FileName, StringComparison.Ordinal));
                if (exit != ExitCodes.Success)
                {
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: the rerun of run {run.Summary.Id} failed (exit code {exit})"));
                    return exit;
                }

                var now = output.ToString();
                var label = string.Create(CultureInfo.InvariantCulture, $"run {run.Summary.Id} ({run.Summary.Command} {scenario.Reference}, seed {run.Seed?.ToString(CultureInfo.InvariantCulture) ?? "-"})");
                if (run.Result is null)
                {
                    console.Output.WriteLine($"Reran {label}: it has no stored result to compare ({ParleyStore.StatusName(run.Summary.Status)}); the new result's sha256 is {ScenarioCanonicalForm.HashOf(now)}");
                    return ExitCodes.Success;
                }

                if (string.Equals(now, run.Result, StringComparison.Ordinal))
                {
                    console.Output.WriteLine($"Reran {label}: byte-identical result (sha256 {run.ResultHash})");
                    return ExitCodes.Success;
                }

                var changes = ResultDiff.Between(run.Result, now);
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reran {label}: the result DIFFERS from the stored one ({changes.Length:N0} value(s); recorded by Parley {run.ParleyVersion}, rerun by {ParleyStore.ParleyVersion})"));
                foreach (var change in changes.Take(20))
                {
                    console.Output.WriteLine($"  {change}");
                }

                return ExitCodes.InternalError;
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        });
        return command;
    }

    /// <summary>Why a what-if with an overlay (the server takes its text in the request) is not replayed.</summary>
    private const string OverlayNote = "this run used an overlay; rerun cannot replay it, because the store keeps the overlay's text among the options, not as command-line arguments";

    /// <summary>Whether the run was a what-if given an overlay's text (recorded as the option <c>overlay</c>, empty when none was given).</summary>
    private static bool UsedOverlay(StoredRun run) =>
        run.Options.TryGetValue("overlay", out var overlay) && overlay.Length > 0;

    private static StoredRun? Find(CliConsole console, ParleyStore store, long id)
    {
        if (store.FindRun(id) is { } run)
        {
            return run;
        }

        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: run {id} does not exist in {store.Location.Display}; 'parley runs list' shows the runs there"));
        return null;
    }

    private static Dictionary<string, object?> RunJson(RunSummary run) => new()
    {
        ["id"] = run.Id,
        ["status"] = ParleyStore.StatusName(run.Status),
        ["command"] = run.Command,
        ["scenario"] = run.ScenarioName,
        ["scenario_version"] = run.ScenarioVersion,
        ["scenario_sha256"] = run.ScenarioHash,
        ["models"] = run.Models,
        ["started_at"] = run.StartedAt,
        ["finished_at"] = run.FinishedAt,
    };

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or '=' or '/' or ':') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
