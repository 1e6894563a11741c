using System.CommandLine;
using Parley.Core.Domain;
using Parley.Formats;

namespace Parley.Cli;

/// <summary>
/// The scenario argument shared by the commands that run models: a file in any supported format,
/// or, when omitted, the built-in Alaska summit scenario. <c>--format</c> overrides detection.
/// </summary>
internal sealed class ScenarioInput
{
    public Argument<string?> Path { get; } = new("scenario")
    {
        Description = "Scenario file (native YAML/JSON, KTAB CSV/XML, Decide, BDM CSV). Omit it for the built-in Alaska summit scenario.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = $"The file's format, when detection by content is not enough: {ScenarioFiles.FormatNames}.",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Path);
        command.Options.Add(Format);
    }

    /// <summary>Loads the scenario, or prints every problem to standard error and returns <c>null</c>.</summary>
    public Scenario? Load(ParseResult parse, CliConsole console)
    {
        var path = parse.GetValue(Path);
        if (!TryParseFormat(parse.GetValue(Format), console, out var format))
        {
            return null;
        }

        var result = path is null
            ? ScenarioFiles.ReadText(BuiltInScenarios.AlaskaText(), BuiltInScenarios.AlaskaName, format)
            : ScenarioFiles.Read(path, format);
        if (!result.Succeeded)
        {
            Diagnostics.Print(console, result.Diagnostics);
            return null;
        }

        if (result.Scenario!.IsDraft)
        {
            console.Error.WriteLine($"parley: {path ?? BuiltInScenarios.AlaskaName} is a draft: {result.OpenJudgements.Length} judgement(s) are still open "
                + $"(positions and saliences of {result.Scenario.DraftStances.Length} stance(s)); models need every one decided. "
                + $"Run 'parley validate {path}' to list them, decide them in the file, then forecast.");
            return null;
        }

        return result.Scenario;
    }

    /// <summary>Parses a <c>--format</c> value; prints what is allowed when it is not a format name.</summary>
    public static bool TryParseFormat(string? name, CliConsole console, out ScenarioFormat? format)
    {
        format = null;
        if (name is null)
        {
            return true;
        }

        format = ScenarioFiles.ParseFormatName(name);
        if (format is null)
        {
            console.Error.WriteLine($"parley: --format '{name}' is not a known format; use one of {ScenarioFiles.FormatNames}");
            return false;
        }

        return true;
    }
}
