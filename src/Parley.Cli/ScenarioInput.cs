using System.CommandLine;
using Parley.Application;
using Parley.Formats;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>
/// The scenario argument shared by the commands that run models: a file in any supported format,
/// or, when omitted, the built-in Alaska summit scenario. <c>--format</c> overrides detection;
/// <c>--proposal</c> picks one negotiation from a data set of many (DEU).
/// </summary>
internal sealed class ScenarioInput
{
    public Argument<string?> Path { get; } = new("scenario")
    {
        Description = "Scenario file (native YAML/JSON, KTAB CSV/XML, Decide, BDM CSV, DEU). Omit it for the built-in Alaska summit scenario.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = $"The file's format, when detection by content is not enough: {ScenarioFiles.FormatNames}.",
    };

    public Option<string?> Proposal { get; } = new("--proposal")
    {
        Description = "A DEU data set holds many negotiations: run the one of this proposal id (without it, the ids are listed).",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Path);
        command.Options.Add(Format);
        command.Options.Add(Proposal);
    }

    /// <summary>Where the scenario comes from, as the command line says.</summary>
    public ScenarioSource Source(ParseResult parse) =>
        ScenarioSource.FileOrBuiltIn(parse.GetValue(Path), parse.GetValue(Format)) with { Proposal = parse.GetValue(Proposal) };

    /// <summary>
    /// The file the command line names, as the run store keeps it: its text, name and format, and
    /// the scenario read from it (before blocs or any other change a run makes).
    /// </summary>
    /// <exception cref="StoreException">The file no longer reads as it did when the run was planned.</exception>
    public ScenarioSnapshot Snapshot(ParseResult parse) => Snapshot(Source(parse));

    /// <summary>The file <paramref name="source"/> names, as the run store keeps it (see <see cref="Snapshot(ParseResult)"/>).</summary>
    /// <exception cref="StoreException">The file no longer reads as it did when the run was planned.</exception>
    public static ScenarioSnapshot Snapshot(ScenarioSource source)
    {
        var scenario = ScenarioLoader.Load(source).Value
            ?? throw new StoreException($"{source.Name} changed while the run was being recorded and no longer reads; nothing was recorded");
        ScenarioText file;
        try
        {
            file = ScenarioLoader.ReadText(source);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{source.Name} can no longer be read ({error.Message.TrimEnd('.')}); nothing was recorded", error);
        }

        return new ScenarioSnapshot(scenario, file.Text, file.FileName, file.Format);
    }

    /// <summary>Parses a <c>--format</c> value; prints what is allowed when it is not a format name.</summary>
    public static bool TryParseFormat(string? name, CliConsole console, out ScenarioFormat? format)
    {
        if (ScenarioLoader.ParseFormat(name, out format) is { } error)
        {
            console.Error.WriteLine($"parley: {error}");
            return false;
        }

        return true;
    }
}
