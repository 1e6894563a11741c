using System.Collections.Immutable;

namespace Parley.Storage;

/// <summary>What a run was asked to do: enough to record it, compare it and run it again.</summary>
/// <param name="Command">The command, e.g. <c>forecast</c> or <c>montecarlo</c>.</param>
/// <param name="Arguments">The command's arguments without the scenario file and the storage options: what <c>rerun</c> replays.</param>
/// <param name="Models">The ids of the models run.</param>
/// <param name="Options">Every option of the run by name (<c>model</c>, <c>rounds</c>, <c>seed</c>, ...), defaults included.</param>
/// <param name="Seed">The seed of the run's randomness, if it has any.</param>
/// <param name="Scenario">The scenario run.</param>
public sealed record RunRequest(
    string Command,
    ImmutableArray<string> Arguments,
    ImmutableArray<string> Models,
    ImmutableSortedDictionary<string, string> Options,
    ulong? Seed,
    ScenarioSnapshot Scenario)
{
    /// <summary>
    /// The stored version the run used, when it was chosen from the store (the server's <c>NAME@N</c>):
    /// recorded as it is. <c>null</c> saves <see cref="Scenario"/> as a new version when it changed.
    /// </summary>
    public long? VersionId { get; init; }
}
