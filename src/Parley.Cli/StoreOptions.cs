using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Application;
using Parley.Reports;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// <c>--db PATH|postgres://...</c> (which Parley store; by default <c>parley/parley.db</c> under the
/// user's data folder) and, on commands that run models, <c>--save</c> (record the run there).
/// </summary>
internal sealed class StoreOptions
{
    public StoreOptions(string databaseDescription = "The Parley store: an SQLite file or postgres://user:password@host:port/database (default: parley/parley.db in your data folder).")
    {
        Database = new Option<string?>("--db") { Description = databaseDescription };
    }

    /// <summary>The <c>--db</c> description of commands where it only says where <c>--save</c> records the run.</summary>
    public const string SaveDatabaseDescription = "With --save: the Parley store to record the run in (an SQLite file, or postgres://user:password@host:port/database; default parley/parley.db in your data folder).";

    /// <summary>The store commands' <c>--json</c>: the report conventions (snake_case, no nulls), indented.</summary>
    public static JsonSerializerOptions Json { get; } = new(ReportJson.SerializerOptions) { WriteIndented = true };

    public Option<string?> Database { get; }

    /// <summary>
    /// The entry of a recorded run's options that marks a run of the built-in scenario (no file on the command
    /// line), so that <c>runs show</c> gives the command as it was typed.
    /// </summary>
    public static (string Option, string Value) BuiltInScenario => ("scenario", "built-in");

    /// <summary>Whether a run recorded with <paramref name="options"/> ran the built-in scenario.</summary>
    public static bool RanBuiltIn(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue(BuiltInScenario.Option, out var value) && value == BuiltInScenario.Value;

    public Option<bool> Save { get; } = new("--save")
    {
        Description = "Record the run (scenario version, options, seed, result document) in the Parley store (--db, or parley/parley.db in your data folder); see 'parley runs'.",
    };

    /// <summary>Adds <c>--db</c>, and <c>--save</c> when <paramref name="withSave"/>.</summary>
    public void AddTo(Command command, bool withSave)
    {
        command.Options.Add(Database);
        if (withSave)
        {
            command.Options.Add(Save);
        }
    }

    /// <summary>
    /// On commands where <c>--db</c> only says where <c>--save</c> records: <c>true</c> after printing
    /// that <c>--db</c> without <c>--save</c> does nothing.
    /// </summary>
    public bool Refuses(ParseResult parse, CliConsole console)
    {
        if (Saving(parse) || parse.GetValue(Database) is null)
        {
            return false;
        }

        console.Error.WriteLine("parley: --db names the store that --save records the run in; add --save");
        return true;
    }

    /// <summary>Whether the run is to be recorded.</summary>
    public bool Saving(ParseResult parse) => parse.GetValue(Save);

    /// <summary>
    /// The store <c>--db</c> names (the default store without it), or <c>null</c> after printing why it cannot be used.
    /// With <paramref name="existing"/> (commands that only read the store) a store that does not exist is
    /// reported and not created.
    /// </summary>
    public ParleyStore? Open(ParseResult parse, CliConsole console, bool existing = false)
    {
        try
        {
            var location = StoreLocation.Parse(parse.GetValue(Database));
            var store = existing ? ParleyStore.OpenExisting(location) : ParleyStore.Open(location);
            if (store.RecoveredRuns > 0)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parley: {store.RecoveredRuns} unfinished run(s) in {store.Location.Display} were marked failed: the process recording them had ended"));
            }

            return store;
        }
        catch (StoreException error)
        {
            console.Error.WriteLine($"parley: {error.Message}");
            return null;
        }
    }

    /// <summary>Opens the store (an existing one only, with <paramref name="existing"/>), runs <paramref name="work"/> on it and closes it; exit code 2 when it cannot be opened.</summary>
    public int With(ParseResult parse, CliConsole console, Func<ParleyStore, int> work, bool existing = false)
    {
        using var store = Open(parse, console, existing);
        return store is null ? ExitCodes.InvalidInput : work(store);
    }

    /// <summary>A table of the store that fits the console's width, with bold <paramref name="columns"/>; the first is repeated when it is split.</summary>
    public static FittedTable Table(params string[] columns)
    {
        var table = new FittedTable().Key($"[bold]{columns[0]}[/]");
        foreach (var column in columns.Skip(1))
        {
            table.Column($"[bold]{column}[/]");
        }

        return table;
    }

    /// <summary>
    /// Starts recording a run of the parsed command: opens the store and adds the run as
    /// running. <c>null</c> after printing why the store refused (nothing runs then).
    /// <paramref name="implied"/> are flags that saving turns on (e.g. <c>--keep-draws</c>): they are
    /// recorded with the arguments, so that <c>runs rerun</c> computes the same document.
    /// </summary>
    public RunRecording? Start(ParseResult parse, CliConsole console, ScenarioSource source, IEnumerable<string> models, IEnumerable<string>? implied = null)
    {
        var scenario = ScenarioInput.Snapshot(source);
        if (Open(parse, console) is not { } store)
        {
            return null;
        }

        var (arguments, options) = Replay(parse, [Database, Save]);
        if (source.Path is null)
        {
            // The command line named no file: the stored copy of the built-in scenario is not one the user gave.
            options = options.SetItem(BuiltInScenario.Option, BuiltInScenario.Value);
        }

        arguments = arguments.AddRange((implied ?? []).Where(flag => !arguments.Contains(flag)));
        var seed = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--seed") is Option<ulong> seedOption
            ? parse.GetValue(seedOption)
            : (ulong?)null;
        var request = new RunRequest(parse.CommandResult.Command.Name, arguments, [.. models], options, seed, scenario);
        try
        {
            return new RunRecording(store, store.StartRun(request), console);
        }
        catch (StoreException error)
        {
            store.Dispose();
            console.Error.WriteLine($"parley: cannot record the run: {error.Message}");
            return null;
        }
    }

    /// <summary>
    /// The options the user gave, as arguments to replay (without the scenario file, <c>--json</c>,
    /// <c>--format</c> and <paramref name="excluded"/>), and every option's value by name, defaults included.
    /// </summary>
    private static (ImmutableArray<string> Arguments, ImmutableSortedDictionary<string, string> Options) Replay(ParseResult parse, Option[] excluded)
    {
        var arguments = ImmutableArray.CreateBuilder<string>();
        var options = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var option in parse.CommandResult.Command.Options)
        {
            if (excluded.Contains(option) || option.Name is "--help" or "--json" or "--format" || parse.GetResult(option) is not { } result)
            {
                continue;
            }

            var tokens = result.Tokens.Select(t => t.Value).ToList();
            if (!result.Implicit)
            {
                if (tokens.Count == 0)
                {
                    arguments.Add(option.Name);
                }

                foreach (var token in tokens)
                {
                    arguments.Add(option.Name);
                    arguments.Add(token);
                }
            }

            options[option.Name.TrimStart('-')] = result.Implicit || tokens.Count == 0
                ? Text(result.GetValueOrDefault<object?>())
                : string.Join(" ", tokens);
        }

        return (arguments.ToImmutable(), options.ToImmutable());
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        string[] items => string.Join(" ", items),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
