using System.CommandLine;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Reports;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley forecast [SCENARIO] [--model M|all] [--json] [--trace] [--stages] [--blocs MODE] [--calibration FILE] [--save] [--db STORE]</c>:
/// runs models on a scenario (the built-in Alaska summit by default) and shows each issue's
/// forecast; with <c>--stages</c>, stage by stage through the scenario's stages (docs/stages.md);
/// <c>--save</c> records the run in the Parley store (docs/storage.md); <c>--db</c> names the store
/// and also records SMP runs in its KTAB-style tables (docs/models/smp.md); <c>--calibration</c> adds calibrated
/// 50/80/90 % intervals (docs/validation.md).
/// </summary>
internal static class ForecastCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new ScenarioInput();
        var selection = new ModelSelection("all", allowAll: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/json-output.md) instead of tables." };
        var store = new StoreOptions("The Parley store (an SQLite file, or postgres://user:password@host:port/database): where --save records the run; SMP runs are also recorded in its KTAB-style tables (docs/storage.md).");
        var stages = new Option<bool>("--stages") { Description = "Run the scenario's stages in order (each stage's outcome is the next one's status quo) and show every stage's forecast and the final one." };
        var blocs = new BlocOption();
        var calibration = new CalibrationOption();
        var command = new Command("forecast", "Forecast how a negotiation resolves, per issue, with one or more models.");
        input.AddTo(command);
        selection.AddTo(command);
        command.Options.Add(json);
        store.AddTo(command, withSave: true);
        command.Options.Add(stages);
        blocs.AddTo(command);
        calibration.AddTo(command);
        command.SetAction(parse =>
        {
            var wantsJson = parse.GetValue(json);
            var saving = store.Saving(parse);
            var models = selection.Request(parse, console);
            if (models is null)
            {
                return ExitCodes.InvalidInput;
            }

            var planned = ParleyApplication.PlanForecast(new ForecastRequest
            {
                Scenario = input.Source(parse),
                Blocs = blocs.Value(parse),
                // The JSON document is the complete record of a run: dynamic models' rounds are always in it.
                Models = models with { Trace = models.Trace || wantsJson || saving },
                Stages = parse.GetValue(stages),
                Calibration = calibration.Source(parse),
            });
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            var databasePath = parse.GetValue(store.Database);
            var smp = plan.Setup.Models.Any(m => m.Info.Id == "smp");
            if (databasePath is not null && !saving && !smp)
            {
                console.Error.WriteLine("parley: --db records SMP runs; add --model smp (or --model all)");
                return ExitCodes.InvalidInput;
            }

            if (databasePath is not null && !saving && plan.Staged)
            {
                console.Error.WriteLine("parley: --db records whole SMP runs; drop --stages to record one");
                return ExitCodes.InvalidInput;
            }

            using var recording = saving ? store.Start(parse, console, input.Source(parse), plan.Setup.Models.Select(m => m.Info.Id)) : null;
            if (saving && recording is null)
            {
                return ExitCodes.InvalidInput;
            }

            var showTrace = models.Trace;
            var run = RunRecording.Run(recording, () => DrawProgress.Run(console, plan.TotalSteps, "forecast", "models", progress => plan.Run(progress, console.Cancellation)));
            var scenario = run.Scenario;
            if (run.Partial)
            {
                return Cancelled(console, recording, wantsJson, run, showTrace);
            }

            if (run.IsStaged)
            {
                if (!RunRecording.Emit(console, recording, wantsJson, output => ForecastDocument.Write(output, scenario, StagesView.Finals(run.Staged), run.Staged, run.Calibration)))
                {
                    return ExitCodes.InvalidInput;
                }

                if (wantsJson)
                {
                    RunRecording.Announce(console, recording, wantsJson);
                }
                else
                {
                    if (showTrace)
                    {
                        foreach (var result in run.Staged)
                        {
                            foreach (var stage in result.Stages.Where(st => !st.Result.Rounds.IsDefaultOrEmpty))
                            {
                                console.Output.WriteLine($"Stage {stage.Stage.Id} ({stage.Model.Id}):");
                                TraceView.Print(console, scenario, stage.Result);
                            }
                        }
                    }

                    StagesView.Print(console, scenario, run.Staged);
                    ForecastView.PrintIntervals(console, scenario, StagesView.Finals(run.Staged), run.Calibration);
                    RunRecording.Announce(console, recording, wantsJson);
                }

                return ExitCodes.Success;
            }

            var results = run.Results;
            var recorded = databasePath is null || !smp ? [] : RecordRuns(console, databasePath, scenario, results);
            if (recorded is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (!RunRecording.Emit(console, recording, wantsJson, output => ForecastDocument.Write(output, scenario, results, calibration: run.Calibration)))
            {
                return ExitCodes.InvalidInput;
            }

            if (wantsJson)
            {
                RunRecording.Announce(console, recording, wantsJson);
                return ExitCodes.Success;
            }

            if (showTrace)
            {
                foreach (var result in results)
                {
                    TraceView.Print(console, scenario, result);
                }
            }

            ForecastView.Print(console, scenario, results, run.Calibration);
            SmpView.Print(console, scenario, results);
            foreach (var id in recorded)
            {
                console.Output.WriteLine($"Recorded SMP run {id} in {databasePath}");
            }

            RunRecording.Announce(console, recording, wantsJson);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Ctrl-C during a forecast: the models that finished are shown (as tables; a JSON document of some
    /// models would pass for a whole one, so none is printed), a saved run is marked cancelled, exit 130.
    /// </summary>
    private static int Cancelled(CliConsole console, RunRecording? recording, bool wantsJson, ForecastRun run, bool showTrace)
    {
        RunRecording.Emit(console, recording, wantsJson: false, _ => { }, partial: true);
        var finished = run.IsStaged ? run.Staged.Select(r => r.Model.Id).ToList() : run.Results.Select(r => r.Model.Id).ToList();
        if (!wantsJson)
        {
            if (run.IsStaged)
            {
                StagesView.Print(console, run.Scenario, run.Staged);
            }
            else
            {
                if (showTrace)
                {
                    foreach (var result in run.Results)
                    {
                        TraceView.Print(console, run.Scenario, result);
                    }
                }

                ForecastView.Print(console, run.Scenario, run.Results, run.Calibration);
                SmpView.Print(console, run.Scenario, run.Results);
            }
        }

        console.Error.WriteLine($"parley: cancelled; {finished.Count} of {run.Requested} models finished ({string.Join(", ", finished)}){(wantsJson ? "; no JSON document is printed for a partial run" : string.Empty)}");
        return ExitCodes.Cancelled;
    }

    /// <summary>Appends every SMP run to the store's KTAB-style tables; the runs' ids, or <c>null</c> after saying why the store refused them.</summary>
    private static List<string>? RecordRuns(CliConsole console, string location, Scenario scenario, IEnumerable<ModelResult> results)
    {
        try
        {
            using var store = ParleyStore.Open(StoreLocation.Parse(location));
            return [.. results.Where(r => r.Details is Core.Models.Smp.SmpDetails).Select(result => store.RecordSmpRun(scenario, result))];
        }
        catch (StoreException error)
        {
            console.Error.WriteLine($"parley: cannot record the run: {error.Message}");
            return null;
        }
    }
}
