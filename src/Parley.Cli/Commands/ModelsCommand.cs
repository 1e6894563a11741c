using System.CommandLine;
using Parley.Application;
using Parley.Core.Models;
using Parley.Reports;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley models [ID] [--json]</c>: every model, one line each, with its citation; with an id, that
/// model's options (parameters and run options) with types, ranges, defaults and help.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string?>("model") { Description = "A model id: list its options.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (models with their options) instead of text." };
        var command = new Command("models", "List the models with the work each implements; 'parley models ID' lists a model's options.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            IReadOnlyList<IModel> models = ModelCatalog.All;
            if (parse.GetValue(id) is { } wanted)
            {
                if (ModelCatalog.Find(wanted) is not { } model)
                {
                    var guess = Suggestions.Closest(wanted, ModelCatalog.All.Select(m => m.Info.Id));
                    console.Error.WriteLine($"parley: unknown model '{wanted}'; use one of {ModelCatalog.Ids}{(guess is null ? string.Empty : $" (did you mean '{guess}'?)")}");
                    return ExitCodes.InvalidInput;
                }

                models = [model];
            }

            if (parse.GetValue(json))
            {
                console.Output.Write(ModelsDocument.ToJson(models));
                return ExitCodes.Success;
            }

            if (models.Count == 1)
            {
                PrintOptions(console, models[0]);
                return ExitCodes.Success;
            }

            var width = ModelCatalog.All.Max(m => m.Info.Id.Length);
            foreach (var model in models)
            {
                console.Output.WriteLine($"{model.Info.Id.PadRight(width)}  {model.Info.Name}. {model.Info.Summary} [{model.Info.Citation}]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintOptions(CliConsole console, IModel model)
    {
        console.Output.WriteLine($"{model.Info.Id}: {model.Info.Name}. {model.Info.Summary}");
        console.Output.WriteLine($"  {model.Info.Citation}");
        if (model.Options.IsDefaultOrEmpty)
        {
            console.Output.WriteLine("Options: none (the model takes no parameters, rounds or tolerance).");
            return;
        }

        // Said as the listed options are given: flags as written, parameters through --param.
        var firstFlag = model.Options.FirstOrDefault(o => !o.IsParameter);
        var parameters = model.Options.Any(o => o.IsParameter);
        console.Output.WriteLine(
            firstFlag is null ? "Options (as --param NAME=VALUE):"
            : parameters ? $"Options (--{firstFlag.Name} and the others with -- as flags; the rest as --param NAME=VALUE):"
            : $"Options (as flags, e.g. --{firstFlag.Name}):");
        var width = model.Options.Max(o => o.Name.Length);
        foreach (var option in model.Options)
        {
            var flag = option.IsParameter ? option.Name : $"--{option.Name}";
            console.Output.WriteLine($"  {flag.PadRight(width + 2)}  {Type(option)}{(option.Default is { } fallback ? $"; default {fallback}" : string.Empty)}");
            console.Output.WriteLine($"  {new string(' ', width + 2)}  {option.Help}");
        }
    }

    private static string Type(ModelOptionDescription option) => option.Kind switch
    {
        ModelOptionKind.Choice => $"one of {string.Join(", ", option.Choices)}",
        ModelOptionKind.Boolean => "true or false",
        ModelOptionKind.Text => "text",
        ModelOptionKind.Integer => $"whole number {option.RangeText()}",
        _ => $"number {option.RangeText()}",
    };
}
