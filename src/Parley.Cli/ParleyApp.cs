using System.CommandLine;
using Parley.Cli.Commands;
using Parley.Core.Models;

namespace Parley.Cli;

/// <summary>The <c>parley</c> command line: parses arguments, runs a command, returns its exit code.</summary>
internal static partial class ParleyApp
{
    /// <summary>Runs <c>parley</c> with <paramref name="args"/>, writing to <paramref name="console"/>.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        // The version needs none of the commands: answered before they (and the assemblies behind them) are loaded.
        args = HelpRequest(args);
        if (args is ["--version"])
        {
            console.Output.WriteLine(VersionLine());
            return ExitCodes.Success;
        }

        if (NativeHandOff.Run(args) is { } handedOff)
        {
            return handedOff;
        }

        var root = new RootCommand("Parley: model and forecast multi-party negotiations with the established models of political science.");
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        if (UnknownName(root, args) is { } unknown)
        {
            console.Error.WriteLine($"parley: {unknown}");
            console.Error.WriteLine("Run 'parley --help' (or 'parley COMMAND --help') to see what is allowed.");
            return ExitCodes.InvalidInput;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"parley: {Plain(error.Message)}");
            }

            console.Error.WriteLine("Run 'parley --help' (or 'parley COMMAND --help') to see what is allowed.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (ModelOptionException error)
        {
            console.Error.WriteLine($"parley: {error.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Storage.StoreException error)
        {
            console.Error.WriteLine($"parley: {error.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("parley: cancelled");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>
    /// The command-line parser's message in the user's terms: a value that does not convert to its option's .NET
    /// type ("Cannot parse argument 'abc' for option '--rounds' as expected type 'System.Nullable`1[System.Int32]'.")
    /// is said as the kind of value wanted ("--rounds: 'abc' is not a whole number"); other messages pass unchanged.
    /// </summary>
    internal static string Plain(string message)
    {
        var match = UnparsedValue().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var wanted = type.Contains("UInt", StringComparison.Ordinal) ? "a whole number of 0 or more"
            : type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "a value of the kind it takes";
        var name = match.Groups["kind"].Value == "option" ? match.Groups["name"].Value : $"the argument of '{match.Groups["name"].Value}'";
        return $"{name}: '{match.Groups["value"].Value}' is not {wanted}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<kind>option|command) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex UnparsedValue();

    /// <summary>
    /// "parley 0.1.0 (commit 1a2b3c4d5e6f)": the version and the commit it was built from, which the build stamps
    /// into the informational version as "0.1.0+1a2b3c4d5e6f" (Directory.Build.props).
    /// </summary>
    internal static string VersionLine()
    {
        var informational = typeof(ParleyApp).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), inherit: false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "unknown";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? $"parley {informational} (commit unknown: built outside a git checkout)"
            : $"parley {informational[..plus]} (commit {informational[(plus + 1)..]})";
    }

    /// <summary><c>parley help [COMMAND]</c> is <c>parley [COMMAND] --help</c>.</summary>
    private static string[] HelpRequest(string[] args) =>
        args is ["help", .. var rest] ? [.. rest.Take(1), "--help"] : args;

    /// <summary>
    /// A mistyped command or option, named with the nearest known one: "unknown command 'forcast'; did
    /// you mean 'forecast'?", "unknown option '--modle' for forecast; did you mean '--model'?". Checked
    /// before parsing, because a parser would take an unknown option for the scenario argument and
    /// blame the value that follows it.
    /// </summary>
    private static string? UnknownName(RootCommand root, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        var command = root.Subcommands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            var names = root.Subcommands.Select(c => c.Name).ToList();
            var guess = Application.Suggestions.Closest(args[0], names);
            return $"unknown command '{args[0]}'{(guess is null ? string.Empty : $"; did you mean '{guess}'?")} Commands: {string.Join(", ", names)}";
        }

        // Commands with subcommands (runs, scenarios): the options are the subcommand's.
        var depth = 1;
        while (depth < args.Length && command.Subcommands.FirstOrDefault(c => c.Name == args[depth]) is { } subcommand)
        {
            command = subcommand;
            depth++;
        }

        var known = command.Options.Concat(root.Options).SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var arg in args.Skip(depth).TakeWhile(a => a != "--"))
        {
            var name = arg.Split('=', ':')[0];
            if (name.Length < 2 || name[0] != '-' || double.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out _) || known.Contains(name))
            {
                continue;
            }

            var guess = Application.Suggestions.Closest(name, known.Where(k => k.StartsWith("--", StringComparison.Ordinal)));
            return $"unknown option '{name}' for {string.Join(' ', args.Take(depth))}{(guess is null ? string.Empty : $"; did you mean '{guess}'?")}";
        }

        return null;
    }

    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        ForecastCommand.Create(console),
        WhatIfCommand.Create(console),
        InfluenceCommand.Create(console),
        ValidateCommand.Create(console),
        ConvertCommand.Create(console),
        ModelsCommand.Create(console),
        BacktestCommand.Create(console),
        MonteCarloCommand.Create(console),
        SensitivityCommand.Create(console),
#if !PARLEY_NATIVE
        ReportCommand.Create(console),
        DraftCommand.Create(console),
#endif
        RunsCommand.Create(console),
        ScenariosCommand.Create(console),
        ScoreCommand.Create(console),
#if !PARLEY_NATIVE
        ServeCommand.Create(console),
#endif
    ];
}
