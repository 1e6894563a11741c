namespace Parley.Storage;

/// <summary>What saving a scenario did.</summary>
/// <param name="Version">The version that holds the scenario.</param>
/// <param name="Created"><c>true</c> when the save added this version; <c>false</c> when the latest version already held exactly this file.</param>
public sealed record ScenarioSave(ScenarioVersion Version, bool Created);
