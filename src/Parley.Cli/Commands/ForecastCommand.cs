using System.CommandLine;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;
using Parley.Reports;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley forecast [SCENARIO] [--model M|all] [--json] [--trace] [--stages] [--blocs MODE]</c>:
/// runs models on a scenario (the built-in Alaska summit by default) and shows each issue's
/// forecast; with <c>--stages</c>, stage by stage through the scenario's stages (docs/stages.md).
/// </summary>
internal static class ForecastCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new ScenarioInput();
        var selection = new ModelSelection("all", allowAll: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/json-output.md) instead of tables." };
        var stages = new Option<bool>("--stages") { Description = "Run the scenario's stages in order (each stage's outcome is the next one's status quo) and show every stage's forecast and the final one." };
        var blocs = new BlocOption();
        var command = new Command("forecast", "Forecast how a negotiation resolves, per issue, with one or more models.");
        input.AddTo(command);
        selection.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(stages);
        blocs.AddTo(command);
        command.SetAction(parse =>
        {
            var scenario = input.Load(parse, console);
            scenario = scenario is null ? null : blocs.Apply(parse, scenario, console);
            var models = scenario is null ? null : selection.Models(parse, console);
            var options = models is null ? null : selection.Options(parse, console);
            if (scenario is null || models is null || options is null)
            {
                return ExitCodes.InvalidInput;
            }

            var wantsJson = parse.GetValue(json);
            if (parse.GetValue(stages))
            {
                var staged = models.Select(m => StagedForecaster.Run(scenario, m, options, console.Cancellation)).ToList();
                if (wantsJson)
                {
                    console.Output.Write(ForecastDocument.ToJson(scenario, StagesView.Finals(staged), staged));
                }
                else
                {
                    if (options.Trace)
                    {
                        foreach (var result in staged)
                        {
                            foreach (var stage in result.Stages.Where(st => !st.Result.Rounds.IsDefaultOrEmpty))
                            {
                                console.Output.WriteLine($"Stage {stage.Stage.Id} ({stage.Model.Id}):");
                                TraceView.Print(console, scenario, stage.Result);
                            }
                        }
                    }

                    StagesView.Print(console, scenario, staged);
                }

                return ExitCodes.Success;
            }

            var results = models.Select(m => m.Run(scenario, options, console.Cancellation)).ToList();
            if (wantsJson)
            {
                console.Output.Write(ForecastDocument.ToJson(scenario, results));
                return ExitCodes.Success;
            }

            if (options.Trace)
            {
                foreach (var result in results)
                {
                    TraceView.Print(console, scenario, result);
                }
            }

            ForecastView.Print(console, scenario, results);
            return ExitCodes.Success;
        });
        return command;
    }
}
