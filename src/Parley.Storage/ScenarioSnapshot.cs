using Parley.Core.Domain;

namespace Parley.Storage;

/// <summary>
/// A scenario as a run or a save met it: the file's text as the user wrote it (comments and all),
/// its name and format, and the scenario read from it, with its canonical form and hash.
/// </summary>
public sealed record ScenarioSnapshot
{
    /// <summary>A snapshot of <paramref name="scenario"/>, read from <paramref name="content"/>.</summary>
    /// <param name="scenario">The scenario the reader built.</param>
    /// <param name="content">The file's text.</param>
    /// <param name="fileName">The file's name without folders (the built-in scenario's name for it).</param>
    /// <param name="format">The format's command-line name (<c>yaml</c>, <c>ktab</c>, ...).</param>
    public ScenarioSnapshot(Scenario scenario, string content, string fileName, string format)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrEmpty(format);
        Scenario = scenario;
        Content = content;
        FileName = Path.GetFileName(fileName);
        Format = format;
        Canonical = ScenarioCanonicalForm.ToJson(scenario);
        Hash = ScenarioCanonicalForm.HashOf(Canonical);
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The scenario's id: the name its versions are kept under.</summary>
    public string Name => Scenario.Id;

    /// <summary>The file's text.</summary>
    public string Content { get; }

    /// <summary>The file's name.</summary>
    public string FileName { get; }

    /// <summary>The format's command-line name.</summary>
    public string Format { get; }

    /// <summary>The canonical JSON (<see cref="ScenarioCanonicalForm"/>).</summary>
    public string Canonical { get; }

    /// <summary>SHA-256 of <see cref="Canonical"/>, lower-case hex.</summary>
    public string Hash { get; }
}
