using System.CommandLine;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Reports;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley forecast [SCENARIO] [--model M|all] [--json] [--trace]</c>: runs models on a
/// scenario (the built-in Alaska summit by default) and shows each issue's forecast.
/// </summary>
internal static class ForecastCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new ScenarioInput();
        var selection = new ModelSelection("all", allowAll: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON document (schema in docs/json-output.md) instead of tables." };
        var command = new Command("forecast", "Forecast how a negotiation resolves, per issue, with one or more models.");
        input.AddTo(command);
        selection.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var scenario = input.Load(parse, console);
            var models = scenario is null ? null : selection.Models(parse, console);
            var options = models is null ? null : selection.Options(parse, console);
            if (scenario is null || models is null || options is null)
            {
                return ExitCodes.InvalidInput;
            }

            var wantsJson = parse.GetValue(json);
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
