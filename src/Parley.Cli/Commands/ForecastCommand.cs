using System.CommandLine;
using Parley.Application;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Reports;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley forecast [SCENARIO] [--model M|all] [--json] [--trace] [--stages] [--blocs MODE] [--db FILE]</c>:
/// runs models on a scenario (the built-in Alaska summit by default) and shows each issue's
/// forecast; with <c>--stages</c>, stage by stage through the scenario's stages (docs/stages.md);
/// <c>--db</c> also records SMP runs in an SQLite results store (schema in docs/models/smp.md).
/// </summary>
internal static class ForecastCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new ScenarioInput();
        var selection = new ModelSelection("all", allowAll: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/json-output.md) instead of tables." };
        var database = new Option<string?>("--db") { Description = "Also record the SMP run (turns, positions, probabilities) in this SQLite file; an existing store gets one more run." };
        var stages = new Option<bool>("--stages") { Description = "Run the scenario's stages in order (each stage's outcome is the next one's status quo) and show every stage's forecast and the final one." };
        var blocs = new BlocOption();
        var command = new Command("forecast", "Forecast how a negotiation resolves, per issue, with one or more models.");
        input.AddTo(command);
        selection.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(database);
        command.Options.Add(stages);
        blocs.AddTo(command);
        command.SetAction(parse =>
        {
            var wantsJson = parse.GetValue(json);
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
                Models = models with { Trace = models.Trace || wantsJson },
                Stages = parse.GetValue(stages),
            });
            if (planned.Value is not { } plan)
            {
                return Problems.Print(console, planned);
            }

            var databasePath = parse.GetValue(database);
            if (databasePath is not null && !plan.Setup.Models.Any(m => m.Info.Id == "smp"))
            {
                console.Error.WriteLine("parley: --db records SMP runs; add --model smp (or --model all)");
                return ExitCodes.InvalidInput;
            }

            if (databasePath is not null && plan.Staged)
            {
                console.Error.WriteLine("parley: --db records whole SMP runs; drop --stages to record one");
                return ExitCodes.InvalidInput;
            }

            var run = plan.Run(console.Cancellation);
            var scenario = run.Scenario;
            if (run.IsStaged)
            {
                if (wantsJson)
                {
                    ForecastDocument.Write(console.Output, scenario, StagesView.Finals(run.Staged), run.Staged);
                }
                else
                {
                    if (run.Options.Trace)
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
                }

                return ExitCodes.Success;
            }

            var results = run.Results;
            var recorded = databasePath is null ? [] : RecordRuns(console, databasePath, scenario, results);
            if (recorded is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (wantsJson)
            {
                ForecastDocument.Write(console.Output, scenario, results);
                return ExitCodes.Success;
            }

            if (run.Options.Trace)
            {
                foreach (var result in results)
                {
                    TraceView.Print(console, scenario, result);
                }
            }

            ForecastView.Print(console, scenario, results);
            SmpView.Print(console, scenario, results);
            foreach (var id in recorded)
            {
                console.Output.WriteLine($"Recorded SMP run {id} in {databasePath}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Appends every SMP run to the store; the runs' ids, or <c>null</c> after saying why the store refused them.</summary>
    private static List<string>? RecordRuns(CliConsole console, string path, Scenario scenario, IEnumerable<ModelResult> results)
    {
        var ids = new List<string>();
        foreach (var result in results.Where(r => r.Details is Core.Models.Smp.SmpDetails))
        {
            try
            {
                ids.Add(SmpDatabase.Write(path, scenario, result));
            }
            catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"parley: cannot record the run in {path}: {error.Message.TrimEnd('.')}; give a new file name or a Parley results store");
                return null;
            }
        }

        return ids;
    }
}
