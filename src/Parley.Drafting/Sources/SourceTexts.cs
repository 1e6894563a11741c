using Parley.Core.Domain;

namespace Parley.Drafting.Sources;

/// <summary>
/// Reads a scenario's sources again, as the drafter read them, so that evidence offsets can be shown
/// in context: a <see cref="SourceText"/> with the extracted text, or why it could not be had (the
/// file is gone, unreadable, or changed since the draft: its SHA-256 differs, so its offsets may
/// point elsewhere).
/// </summary>
public static class SourceTexts
{
    /// <summary>Every source of <paramref name="scenario"/>, read with <see cref="Read"/>.</summary>
    public static System.Collections.Immutable.ImmutableArray<SourceText> ReadAll(Scenario scenario, string? scenarioDirectory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return [.. scenario.Sources.Select(s => Read(s, scenarioDirectory))];
    }

    /// <summary>
    /// Reads <paramref name="source"/>'s file. It is looked for as recorded (absolute, or relative to
    /// the working folder, as <c>parley draft</c> was given it), then relative to
    /// <paramref name="scenarioDirectory"/> (the folder of the scenario file).
    /// </summary>
    public static SourceText Read(Source source, string? scenarioDirectory)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.File is not { Length: > 0 } file)
        {
            return new SourceText(source.Id, null, "no file recorded for this source");
        }

        var candidates = new List<string> { file };
        if (scenarioDirectory is not null && !Path.IsPathRooted(file))
        {
            candidates.Add(Path.Combine(scenarioDirectory, file));
        }

        if (candidates.FirstOrDefault(File.Exists) is not { } path)
        {
            return new SourceText(source.Id, null, $"the file {file} is not found (looked for it from the working folder{(candidates.Count > 1 ? " and beside the scenario" : string.Empty)})");
        }

        var read = SourceReader.ReadFile(path, source.Id);
        if (read.Document is not { } document)
        {
            return new SourceText(source.Id, null, $"{file} cannot be read: {read.Problem?.Message}");
        }

        return source.Sha256 is { } expected && !string.Equals(expected, document.Sha256, StringComparison.OrdinalIgnoreCase)
            ? new SourceText(source.Id, null, $"{file} has changed since the draft (its SHA-256 differs), so its offsets may point elsewhere; draft it again")
            : new SourceText(source.Id, document.Text, null);
    }
}
