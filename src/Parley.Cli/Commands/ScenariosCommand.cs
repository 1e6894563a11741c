using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Application;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley scenarios save|list|history|show|diff</c>: the versions of each scenario kept in the
/// Parley store. Each save of a changed file is a new version whose parent is the one before;
/// versions are never changed or deleted. A version is named <c>ID@N</c> (<c>ID</c> alone: the latest).
/// </summary>
internal static class ScenariosCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("scenarios", "The versions of your scenarios kept in the Parley store: save, list, history, show, diff.");
        command.Subcommands.Add(Save(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(History(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Diff(console));
        return command;
    }

    private static Command Save(CliConsole console)
    {
        var input = new ScenarioInput();
        var store = new StoreOptions();
        var message = new Option<string?>("--message", "-m") { Description = "What changed in this version, kept with it." };
        var command = new Command("save", "Save a scenario file as a new version (when it changed since the latest).");
        input.AddTo(command);
        store.AddTo(command, withSave: false);
        command.Options.Add(message);
        command.SetAction(parse =>
        {
            var loaded = ScenarioLoader.Load(input.Source(parse));
            if (loaded.Value is null)
            {
                return Problems.Print(console, loaded);
            }

            return store.With(parse, console, opened =>
            {
                var saved = opened.SaveScenario(input.Snapshot(parse), parse.GetValue(message));
                var version = saved.Version;
                console.Output.WriteLine(saved.Created
                    ? $"Saved {version.Reference}{(version.ParentVersion is { } parent ? $" (parent {version.Name}@{parent.ToString(CultureInfo.InvariantCulture)})" : "")} in {opened.Location.Display}, sha256 {version.Hash[..12]}"
                    : $"Unchanged: {version.Reference} already holds this file (sha256 {version.Hash[..12]}); no version added");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var store = new StoreOptions();
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command("list", "List the scenarios in the store with their number of versions and runs.");
        store.AddTo(command, withSave: false);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            return store.With(parse, console, opened =>
            {
                var scenarios = opened.ListScenarios();
                if (parse.GetValue(json))
                {
                    console.Output.WriteLine(JsonSerializer.Serialize(scenarios, StoreOptions.Json));
                    return ExitCodes.Success;
                }

                if (scenarios.Count == 0)
                {
                    console.Output.WriteLine($"No scenarios in {opened.Location.Display}; save one with 'parley scenarios save FILE' or 'parley forecast FILE --save'.");
                    return ExitCodes.Success;
                }

                var table = StoreOptions.Table("Scenario", "Versions", "Runs", "Latest saved (UTC)", "Latest sha256");
                foreach (var scenario in scenarios)
                {
                    table.Row(Markup.Escape(scenario.Name), scenario.Versions.ToString(CultureInfo.InvariantCulture),
                        scenario.Runs.ToString(CultureInfo.InvariantCulture), Time(scenario.UpdatedAt), scenario.LatestHash[..12]);
                }

                table.Write(console);
                return ExitCodes.Success;
            }, existing: true);
        });
        return command;
    }

    private static Command History(CliConsole console)
    {
        var store = new StoreOptions();
        var name = new Argument<string>("scenario") { Description = "The scenario's id." };
        var json = new Option<bool>("--json") { Description = "Print the versions as JSON (without their text)." };
        var command = new Command("history", "List every version of a scenario, oldest first, with its parent.");
        command.Arguments.Add(name);
        store.AddTo(command, withSave: false);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            return store.With(parse, console, opened =>
            {
                var versions = opened.History(parse.GetValue(name)!);
                if (versions.Count == 0)
                {
                    console.Error.WriteLine($"parley: no scenario '{parse.GetValue(name)}' in {opened.Location.Display}; 'parley scenarios list' shows the scenarios there");
                    return ExitCodes.InvalidInput;
                }

                if (parse.GetValue(json))
                {
                    console.Output.WriteLine(JsonSerializer.Serialize(versions.Select(v => new
                    {
                        v.Name, v.Version, v.ParentVersion, Sha256 = v.Hash, v.FileName, v.Format, v.Message, v.CreatedAt,
                    }), StoreOptions.Json));
                    return ExitCodes.Success;
                }

                var table = StoreOptions.Table("Version", "Parent", "Saved (UTC)", "File", "sha256", "Message");
                foreach (var version in versions)
                {
                    table.Row(Markup.Escape(version.Reference), version.ParentVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
                        Time(version.CreatedAt), Markup.Escape($"{version.FileName} ({version.Format})"), version.Hash[..12], Markup.Escape(version.Message ?? ""));
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
        var reference = new Argument<string>("version") { Description = "ID@N (ID alone: the latest version)." };
        var command = new Command("show", "Print a version's file, byte for byte as it was saved.");
        command.Arguments.Add(reference);
        store.AddTo(command, withSave: false);
        command.SetAction(parse =>
        {
            using var opened = store.Open(parse, console, existing: true);
            if (opened is null || Resolve(console, opened, parse.GetValue(reference)!) is not { } version)
            {
                return ExitCodes.InvalidInput;
            }

            console.Output.Write(version.Content);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff(CliConsole console)
    {
        var store = new StoreOptions();
        var first = new Argument<string>("older") { Description = "ID@N: the version to compare from." };
        var second = new Argument<string>("newer") { Description = "ID@N, or N alone for another version of the same scenario." };
        var json = new Option<bool>("--json") { Description = "Print the changes as JSON (kind, part, subject, field, before, after)." };
        var command = new Command("diff", "List the added, removed and changed actors, issues, stances and evidence between two versions.");
        command.Arguments.Add(first);
        command.Arguments.Add(second);
        store.AddTo(command, withSave: false);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var opened = store.Open(parse, console, existing: true);
            if (opened is null || Resolve(console, opened, parse.GetValue(first)!) is not { } older)
            {
                return ExitCodes.InvalidInput;
            }

            var newerReference = parse.GetValue(second)!;
            var sameScenario = newerReference.Length > 0 && newerReference.All(char.IsAsciiDigit);
            if (Resolve(console, opened, sameScenario ? $"{older.Name}@{newerReference}" : newerReference) is not { } newer)
            {
                return ExitCodes.InvalidInput;
            }

            var changes = ScenarioDiff.Between(older.ToScenario(), newer.ToScenario());
            if (parse.GetValue(json))
            {
                console.Output.WriteLine(JsonSerializer.Serialize(new { Older = older.Reference, Newer = newer.Reference, Changes = changes }, StoreOptions.Json));
                return ExitCodes.Success;
            }

            console.Output.WriteLine(changes.IsEmpty
                ? $"{older.Reference} -> {newer.Reference}: no change to the scenario's data{(older.Content == newer.Content ? "" : " (the files differ in layout or comments only)")}"
                : $"{older.Reference} -> {newer.Reference}: {changes.Length.ToString(CultureInfo.InvariantCulture)} change(s)");
            foreach (var change in changes)
            {
                console.Output.WriteLine(change.ToString());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The version <c>ID@N</c> or <c>ID</c> (latest) names, or <c>null</c> after saying what exists.</summary>
    internal static ScenarioVersion? Resolve(CliConsole console, ParleyStore store, string reference)
    {
        var at = reference.LastIndexOf('@');
        var name = at < 0 ? reference : reference[..at];
        int? number = null;
        if (at >= 0)
        {
            if (!int.TryParse(reference[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                console.Error.WriteLine($"parley: '{reference}' is not a version; write ID@N with N = 1, 2, ... (or ID alone for the latest)");
                return null;
            }

            number = parsed;
        }

        if (store.FindVersion(name, number) is { } version)
        {
            return version;
        }

        var history = store.History(name);
        console.Error.WriteLine(history.Count == 0
            ? $"parley: no scenario '{name}' in {store.Location.Display}; 'parley scenarios list' shows the scenarios there"
            : $"parley: {name} has no version {number?.ToString(CultureInfo.InvariantCulture)}; it has versions 1 to {history[^1].Version.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
