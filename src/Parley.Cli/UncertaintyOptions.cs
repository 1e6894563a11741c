using System.CommandLine;
using Parley.Application;

namespace Parley.Cli;

/// <summary>
/// The arguments and options shared by <c>parley montecarlo</c> and <c>parley sensitivity</c>: the
/// scenario, one model with its options, draws, threads, spread and JSON; checked by the application layer.
/// </summary>
internal sealed class UncertaintyOptions(int defaultDraws, int minDraws, int maxDraws, string? zeroDraws = null)
{
    public ScenarioInput Input { get; } = new();

    public ModelSelection Selection { get; } = CreateSelection();

    public Option<int> Draws { get; } = new("--draws", "-n")
    {
        Description = $"Number of Monte Carlo draws ({minDraws}-{maxDraws:N0}{(zeroDraws is null ? string.Empty : $"; 0 {zeroDraws}")}).",
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

    public StoreOptions Store { get; } = new(StoreOptions.SaveDatabaseDescription);

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
    /// With <c>--save</c>, starts recording the run of <paramref name="model"/>; <c>null</c> without it.
    /// <paramref name="refused"/> is set after printing why the store cannot record it.
    /// </summary>
    public RunRecording? StartRecording(ParseResult parse, CliConsole console, string model, out bool refused)
    {
        refused = Store.Refuses(parse, console);
        if (refused || !Store.Saving(parse))
        {
            return null;
        }

        var recording = Store.Start(parse, console, Input.Source(parse), [model]);
        refused = recording is null;
        return recording;
    }

    /// <summary>The request the command line makes, or <c>null</c> after printing a malformed <c>--param</c>.</summary>
    public UncertaintyRequest? Request(ParseResult parse, CliConsole console) =>
        Selection.Request(parse, console) is { } models
            ? new UncertaintyRequest
            {
                Scenario = Input.Source(parse),
                Models = models,
                Draws = parse.GetValue(Draws),
                Threads = parse.GetValue(Threads),
                Spread = parse.GetValue(Spread),
            }
            : null;

    private static ModelSelection CreateSelection()
    {
        var selection = new ModelSelection("compromise", allowAll: false);
        selection.Seed.Description = "Seed of the draws: draw i uses the random stream (seed, i), so a seed gives the same result on any number of threads.";
        return selection;
    }
}
