using System.CommandLine;
using Parley.Cli.Commands;
using Parley.Core.Models;

namespace Parley.Cli;

/// <summary>The <c>parley</c> command line: parses arguments, runs a command, returns its exit code.</summary>
internal static class ParleyApp
{
    /// <summary>Runs <c>parley</c> with <paramref name="args"/>, writing to <paramref name="console"/>.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("Parley: model and forecast multi-party negotiations with the established models of political science.");
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"parley: {error.Message}");
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
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("parley: cancelled");
            return ExitCodes.Cancelled;
        }
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
        DraftCommand.Create(console),
    ];
}
