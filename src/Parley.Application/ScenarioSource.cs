namespace Parley.Application;

/// <summary>
/// Where a scenario comes from: a file, a text (an upload), or the built-in Alaska summit scenario;
/// <see cref="Format"/> names the format (<c>yaml</c>, <c>deu</c>, …) when detection by content is not enough.
/// </summary>
public sealed record ScenarioSource
{
    private ScenarioSource(string name, string? path, string? text, string? format)
    {
        Name = name;
        Path = path;
        Text = text;
        Format = format;
    }

    /// <summary>The name shown in diagnostics: the path as the user gave it, an upload's file name, or the built-in name.</summary>
    public string Name { get; }

    /// <summary>The file to read, or <c>null</c> for a text.</summary>
    public string? Path { get; }

    /// <summary>The scenario's text, or <c>null</c> for a file.</summary>
    public string? Text { get; }

    /// <summary>The format's name (see <see cref="Formats.ScenarioFiles.FormatNames"/>), or <c>null</c> to detect it.</summary>
    public string? Format { get; }

    /// <summary>
    /// For a data set holding many negotiations (a DEU file: one proposal per negotiation), the
    /// proposal to load; loading such a file without it lists the proposals instead.
    /// </summary>
    public string? Proposal { get; init; }

    /// <summary>The built-in Alaska summit scenario.</summary>
    public static ScenarioSource BuiltIn(string? format = null) =>
        new(BuiltInScenarios.AlaskaName, null, BuiltInScenarios.AlaskaText(), format);

    /// <summary>The file at <paramref name="path"/>.</summary>
    public static ScenarioSource FromFile(string path, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(path, path, null, format);
    }

    /// <summary><paramref name="text"/>, named <paramref name="name"/> in diagnostics.</summary>
    public static ScenarioSource FromText(string text, string name, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        return new(name, null, text, format);
    }

    /// <summary>A file when <paramref name="path"/> is given, else the built-in scenario (the CLI's rule).</summary>
    public static ScenarioSource FileOrBuiltIn(string? path, string? format = null) =>
        path is null ? BuiltIn(format) : FromFile(path, format);
}
