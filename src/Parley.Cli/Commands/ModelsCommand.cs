using System.CommandLine;
using Parley.Core.Models;

namespace Parley.Cli.Commands;

/// <summary><c>parley models</c>: every model, one line each, with its citation.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("models", "List the models, one line each, with the work each implements.");
        command.SetAction(_ =>
        {
            var width = ModelCatalog.All.Max(m => m.Info.Id.Length);
            foreach (var model in ModelCatalog.All)
            {
                console.Output.WriteLine($"{model.Info.Id.PadRight(width)}  {model.Info.Name}. {model.Info.Summary} [{model.Info.Citation}]");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
