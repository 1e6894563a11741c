namespace Parley.Server;

/// <summary>
/// Which scenario a run uses: a stored version (<see cref="Ref"/>), a scenario sent inline
/// (<see cref="Content"/>), or, when both are absent, the built-in Alaska summit scenario.
/// </summary>
public sealed class ScenarioBody
{
    /// <summary>A stored scenario: <c>NAME</c> (its latest version) or <c>NAME@VERSION</c>.</summary>
    public string? Ref { get; set; }

    /// <summary>The scenario's text in any supported format (YAML/JSON, KTAB CSV/XML, Decide, BDM, DEU).</summary>
    public string? Content { get; set; }

    /// <summary>The format's name when detection by content is not enough: yaml, json, ktab, ktab-xml, decide, bdm, deu.</summary>
    public string? Format { get; set; }

    /// <summary>The name diagnostics give the content (a name only: the server never opens a path).</summary>
    public string? FileName { get; set; }

    /// <summary>For a DEU data set: the proposal to run.</summary>
    public string? Proposal { get; set; }
}
