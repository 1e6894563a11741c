using Parley.Core.Domain;

namespace Parley.Storage;

/// <summary>One saved version of a scenario. Versions are never changed: each save adds one whose parent is the one before.</summary>
/// <param name="Id">The version's key in the store.</param>
/// <param name="Name">The scenario's id.</param>
/// <param name="Version">1 for the first save, then 2, 3, ...</param>
/// <param name="ParentVersion">The version this one was saved over; <c>null</c> for the first.</param>
/// <param name="Hash">SHA-256 of the canonical form.</param>
/// <param name="FileName">The file it was read from.</param>
/// <param name="Format">The format's command-line name.</param>
/// <param name="Message">What the analyst said about the change, if anything.</param>
/// <param name="CreatedAt">When it was saved (UTC).</param>
/// <param name="Content">The file's text as saved.</param>
/// <param name="Canonical">The canonical JSON.</param>
public sealed record ScenarioVersion(
    long Id,
    string Name,
    int Version,
    int? ParentVersion,
    string Hash,
    string FileName,
    string Format,
    string? Message,
    DateTimeOffset CreatedAt,
    string Content,
    string Canonical)
{
    /// <summary>The scenario, read back from its canonical form.</summary>
    public Scenario ToScenario() => ScenarioCanonicalForm.FromJson(Canonical);

    /// <summary><c>NAME@VERSION</c>, as commands take it.</summary>
    public string Reference => $"{Name}@{Version}";
}
