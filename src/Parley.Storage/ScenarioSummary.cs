namespace Parley.Storage;

/// <summary>One scenario in the store: its id, how many versions it has, and its latest.</summary>
/// <param name="Name">The scenario's id.</param>
/// <param name="Versions">How many versions are saved.</param>
/// <param name="LatestHash">SHA-256 of the latest version's canonical form.</param>
/// <param name="UpdatedAt">When the latest version was saved (UTC).</param>
/// <param name="Runs">How many runs used any of its versions.</param>
public sealed record ScenarioSummary(string Name, int Versions, string LatestHash, DateTimeOffset UpdatedAt, long Runs);
