using System.CommandLine;
using Parley.Core.Domain;
using Parley.Formats;
using Parley.Storage;

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

        return result.Scenario;
    }

    /// <summary>
    /// The file behind <paramref name="scenario"/> (as <see cref="Load"/> read it) for the run store:
    /// its text, name and format. Called only after a successful load, so the file is readable.
    /// </summary>
    public ScenarioSnapshot Snapshot(ParseResult parse, Scenario scenario)
    {
        var path = parse.GetValue(Path);
        var text = path is null ? BuiltInScenarios.AlaskaText() : File.ReadAllText(path, System.Text.Encoding.UTF8);
        var fileName = path is null ? "alaska-2025.yaml" : System.IO.Path.GetFileName(path);
        var named = parse.GetValue(Format) is { } name ? ScenarioFiles.ParseFormatName(name) : null;
        var format = named ?? ScenarioFiles.Detect(text.TrimStart('\uFEFF'), fileName)?.Format ?? ScenarioFormat.Yaml;
        return new ScenarioSnapshot(scenario, text, fileName, ScenarioFiles.FormatName(format));
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
