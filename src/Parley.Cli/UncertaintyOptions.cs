using System.CommandLine;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Cli;

/// <summary>
/// The arguments and options shared by <c>parley montecarlo</c> and <c>parley sensitivity</c>: the
/// scenario, one model with its options, draws, threads, spread and JSON.
/// </summary>
internal sealed class UncertaintyOptions(int defaultDraws, int maxDraws)
{
    /// <summary>What a valid command line of these commands gives.</summary>
    public sealed record Inputs(Scenario Scenario, IModel Model, ModelOptions ModelOptions, DefaultSpread? Spread, int Draws, int Threads);

    public ScenarioInput Input { get; } = new();

    public ModelSelection Selection { get; } = CreateSelection();

    public Option<int> Draws { get; } = new("--draws", "-n")
    {
        Description = $"Number of Monte Carlo draws (1-{maxDraws:N0}).",
        DefaultValueFactory = _ => defaultDraws,
    };

    public Option<int> Threads { get; } = new("--threads", "-t")
    {
        Description = "Worker threads; 0 = one per processor. The result is the same for any number.",
        DefaultValueFactory = _ => 0,
    };

    public Option<double?> Spread { get; } = new("--spread")
    {
        Description = "Default spread for inputs without a range, 0-1 (0.1 = +-10% of the scale); overrides the scenario's default_spread. 0 varies only inputs with ranges.",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document (see docs/uncertainty.md) instead of tables." };

    public StoreOptions Store { get; } = new("With --save: the Parley store to record the run in (an SQLite file, or postgres://user:password@host:port/database; default parley/parley.db in your data folder).");

    public void AddTo(Command command)
    {
        Input.AddTo(command);
        Selection.AddTo(command, withTrace: false);
        command.Options.Add(Draws);
        command.Options.Add(Threads);
        command.Options.Add(Spread);
        command.Options.Add(Json);
        Store.AddTo(command, withSave: true);
    }

    /// <summary>
    /// With <c>--save</c>, starts recording the run of <paramref name="inputs"/>; <c>null</c> without it.
    /// <paramref name="refused"/> is set after printing why the store cannot record it.
    /// </summary>
    public RunRecording? StartRecording(ParseResult parse, CliConsole console, Inputs inputs, out bool refused)
    {
        refused = false;
        if (!Store.Saving(parse))
        {
            if (parse.GetValue(Store.Database) is not null)
            {
                console.Error.WriteLine("parley: --db names the store that --save records the run in; add --save");
                refused = true;
            }

            return null;
        }

        var recording = Store.Start(parse, console, Input.Snapshot(parse, inputs.Scenario), [inputs.Model.Info.Id]);
        refused = recording is null;
        return recording;
    }

    /// <summary>Loads the scenario and reads every shared option; prints what is wrong and returns <c>null</c> on bad input.</summary>
    public Inputs? Read(ParseResult parse, CliConsole console, int minDraws)
    {
        var scenario = Input.Load(parse, console);
        var model = scenario is null ? null : Selection.Models(parse, console)?.Single();
        var modelOptions = model is null ? null : Selection.Options(parse, console);
        if (scenario is null || model is null || modelOptions is null || !Validate(parse, console, minDraws, out var spread))
        {
            return null;
        }

        return new Inputs(scenario, model, modelOptions, spread, parse.GetValue(Draws), parse.GetValue(Threads));
    }

    private static ModelSelection CreateSelection()
    {
        var selection = new ModelSelection("compromise", allowAll: false);
        selection.Seed.Description = "Seed of the draws: draw i uses the random stream (seed, i), so a seed gives the same result on any number of threads.";
        return selection;
    }

    /// <summary>Checks the values; prints what is allowed and returns false when one is out of range.</summary>
    private bool Validate(ParseResult parse, CliConsole console, int minDraws, out DefaultSpread? spread)
    {
        spread = null;
        var draws = parse.GetValue(Draws);
        if (draws < minDraws || draws > maxDraws)
        {
            console.Error.WriteLine($"parley: --draws {draws} is not allowed; use {minDraws} to {maxDraws:N0}");
            return false;
        }

        var threads = parse.GetValue(Threads);
        if (threads is < 0 or > 1024)
        {
            console.Error.WriteLine($"parley: --threads {threads} is not allowed; use 0 (one per processor) to 1024");
            return false;
        }

        if (parse.GetValue(Spread) is { } value)
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                console.Error.WriteLine($"parley: --spread {value} is not allowed; use a number from 0 to 1 (0.1 = +-10% of the scale)");
                return false;
            }

            spread = DefaultSpread.Uniform(value);
        }

        return true;
    }
}
