using System.CommandLine;
using Parley.Application;
using Parley.Formats;

namespace Parley.Cli.Commands;

/// <summary><c>parley validate FILE…</c>: checks scenario files; exit 0 when all are valid, 2 otherwise.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files to check.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = $"Read every file as this format: {ScenarioFiles.FormatNames}." };
        var command = new Command("validate", "Check scenario files and report every problem with file:line:column.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            if (!ScenarioInput.TryParseFormat(parse.GetValue(format), console, out var chosen))
            {
                return ExitCodes.InvalidInput;
            }

            var allValid = true;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                var result = ScenarioFiles.Read(file, chosen);
                if (result.Scenario is { IsDraft: true } draft)
                {
                    console.Output.WriteLine($"{ValidationSummary.For(file, draft)}; the analyst must still decide:");
                    foreach (var open in result.OpenJudgements)
                    {
                        console.Output.WriteLine($"  {open}");
                    }

                    console.Output.WriteLine($"{ValidationSummary.Count(result.OpenJudgements.Length, "open judgement")}; 'parley forecast' runs once they are decided.");
                }
                else if (result.Scenario is { } scenario)
                {
                    console.Output.WriteLine(ValidationSummary.For(file, scenario));
                }
                else
                {
                    allValid = false;
                    Diagnostics.Print(console, result.Diagnostics);
                }
            }

            return allValid ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }
}
