using System.CommandLine;
using Parley.Application;
using Parley.Formats;
using Parley.Formats.Native;
using Parley.Formats.Sheets;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley convert IN [--proposal ID] --to yaml|json|xlsx|csv [-o OUT]</c>: reads any supported format (one proposal of a DEU data set) and writes
/// Parley's native format or the stance matrix as a workbook or CSV (docs/spreadsheets.md), in the format
/// OUT's extension names when <c>--to</c> is not given (a contradiction between the two is refused). Never overwrites an existing file unless <c>--force</c> is given, and
/// then only by replacing it whole once the new content is written.
/// </summary>
internal static class ConvertCommand
{
    /// <summary>The formats convert writes, the default first.</summary>
    private static readonly string[] Formats = ["yaml", "json", "xlsx", "csv"];

    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The file to convert (any supported format)." };
        var to = new Option<string?>("--to")
        {
            Description = "Output format: yaml, json, xlsx (the stance-matrix workbook, needs -o) or csv (the stance matrix). Default: the extension of -o (.yaml/.yml, .json, .xlsx, .csv), else yaml.",
        };
        // Any case, as --format takes its names ("--to YAML").
        to.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && !Formats.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--to '{name}' is not a format convert writes; use {string.Join(", ", Formats)}");
            }
        });
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of standard output." };
        var force = new Option<bool>("--force") { Description = "Replace OUT if it already exists." };
        var format = new Option<string?>("--format") { Description = $"The input's format, if detection is not enough: {ScenarioFiles.FormatNames}." };
        var proposal = new Option<string?>("--proposal")
        {
            Description = "A DEU data set holds many negotiations: convert the one of this proposal id (without it, the ids are listed).",
        };
        var command = new Command("convert", "Convert a scenario from any supported format to Parley's YAML or JSON, or to a stance-matrix workbook (.xlsx) or CSV.");
        command.Arguments.Add(input);
        command.Options.Add(to);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(format);
        command.Options.Add(proposal);
        command.SetAction(parse =>
        {
            if (!ScenarioInput.TryParseFormat(parse.GetValue(format), console, out _))
            {
                return ExitCodes.InvalidInput;
            }

            var target = parse.GetValue(output);
            var written = ScenarioOutputFormat.Choose(parse.GetValue(to)?.ToLowerInvariant(), target, Formats);
            if (written.Value is not { } writtenFormat)
            {
                return Problems.Print(console, written);
            }

            // Drafts convert as they are; a DEU data set converts one proposal at a time, as the models run it
            // (all of them in one scenario would be one negotiation trading across unrelated proposals).
            var source = ScenarioSource.FromFile(parse.GetValue(input)!, parse.GetValue(format)) with { Proposal = parse.GetValue(proposal) };
            var loaded = ScenarioLoader.LoadForReview(source);
            if (loaded.Value?.Scenario is not { } scenario)
            {
                return Problems.Print(console, loaded);
            }

            if (writtenFormat == "xlsx")
            {
                if (target is null)
                {
                    console.Error.WriteLine("parley: --to xlsx: a workbook is binary; give the file to write with --output FILE.xlsx");
                    return ExitCodes.InvalidInput;
                }

                return WriteFile(target, SpreadsheetFiles.ToXlsx(scenario), parse.GetValue(force), console);
            }

            if (writtenFormat == "csv" && SpreadsheetFiles.CsvOmissions(scenario) is { Count: > 0 } omitted)
            {
                console.Error.WriteLine($"parley: note: the CSV carries the stance matrix only, not {string.Join("; ", omitted)}: an .xlsx workbook (--to xlsx) keeps all of them");
            }

            var text = writtenFormat switch
            {
                "json" => NativeScenarioWriter.ToJson(scenario),
                "csv" => SpreadsheetFiles.ToCsv(scenario),
                _ => NativeScenarioWriter.ToYaml(scenario),
            };
            if (target is null)
            {
                console.Output.Write(text);
                return ExitCodes.Success;
            }

            return WriteFile(target, text, parse.GetValue(force), console);
        });
        return command;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="target"/>, a regular file, replacing an existing one only with <c>--force</c>.</summary>
    private static int WriteFile(string target, string text, bool force, CliConsole console) =>
        WriteFile(target, new System.Text.UTF8Encoding(false).GetBytes(text), force, console);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="target"/>, a regular file, replacing an existing one only with <c>--force</c>.</summary>
    private static int WriteFile(string target, byte[] bytes, bool force, CliConsole console)
    {
        if (OutputFile.Write(target, bytes, force, "choose another --output or add --force to replace it") is { } problem)
        {
            console.Error.WriteLine($"parley: --output: {problem}");
            return ExitCodes.InvalidInput;
        }

        console.Error.WriteLine($"wrote {target}");
        return ExitCodes.Success;
    }
}
