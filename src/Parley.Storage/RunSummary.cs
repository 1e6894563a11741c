using System.Collections.Immutable;

namespace Parley.Storage;

/// <summary>One line of the run list.</summary>
/// <param name="Id">The run's number in the store.</param>
/// <param name="Command">The command run.</param>
/// <param name="ScenarioName">The scenario's id.</param>
/// <param name="ScenarioVersion">The version of the scenario run (1, 2, ...).</param>
/// <param name="ScenarioHash">SHA-256 of the scenario's canonical form.</param>
/// <param name="Models">The models run.</param>
/// <param name="Status">Running, completed, failed or cancelled.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC); <c>null</c> while running.</param>
public sealed record RunSummary(
    long Id,
    string Command,
    string ScenarioName,
    int ScenarioVersion,
    string ScenarioHash,
    ImmutableArray<string> Models,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);
