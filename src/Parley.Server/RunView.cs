using System.Collections.Immutable;
using Parley.Application;
using Parley.Storage;

namespace Parley.Server;

/// <summary>A run as the API shows it.</summary>
internal sealed record RunView(
    long Id,
    string Command,
    string Scenario,
    string ScenarioHash,
    ImmutableArray<string> Models,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunLinks Links)
{
    /// <summary>Steps done and to do, while a job works.</summary>
    public RunProgress? Progress { get; init; }

    /// <summary>Why it failed or was cancelled.</summary>
    public string? Error { get; init; }

    /// <summary>The seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Every option by its command-line name, defaults included.</summary>
    public ImmutableSortedDictionary<string, string>? Options { get; init; }

    /// <summary>The command-line arguments that reproduce it (<c>parley runs rerun</c>).</summary>
    public ImmutableArray<string>? Arguments { get; init; }

    /// <summary>The Parley version that ran it.</summary>
    public string? ParleyVersion { get; init; }

    /// <summary>SHA-256 of the result document.</summary>
    public string? ResultHash { get; init; }

    public static RunView From(RunSummary summary, Job? job) => new(
        summary.Id,
        summary.Command,
        $"{summary.ScenarioName}@{summary.ScenarioVersion}",
        summary.ScenarioHash,
        summary.Models,
        summary.Status,
        summary.StartedAt,
        summary.FinishedAt,
        RunLinks.For(summary.Id))
    {
        Progress = job is null || summary.Status != RunStatus.Running ? null : job.Progress,
    };

    public static RunView From(StoredRun run, Job? job) => From(run.Summary, job) with
    {
        Error = run.Error,
        Seed = run.Seed,
        Options = run.Options,
        Arguments = run.Arguments,
        ParleyVersion = run.ParleyVersion,
        ResultHash = run.ResultHash,
    };
}

/// <summary>Progress of a job.</summary>
/// <param name="Done">Steps done.</param>
/// <param name="Total">Steps in all.</param>
internal sealed record RunProgress(long Done, long Total)
{
    /// <summary>
    /// The finer count of the step at work, for analyses that run in phases (influence: its coalition runs, then
    /// its searches, while the steps count whole issues; a report: the count of its part at work); omitted for the others.
    /// </summary>
    public PhaseCount? Phase { get; init; }
}

/// <summary>Where to follow a run.</summary>
internal sealed record RunLinks(string Self, string Result, string Report, string Events, string Cancel)
{
    public static RunLinks For(long id) => new($"/runs/{id}", $"/runs/{id}/result", $"/runs/{id}/report", $"/runs/{id}/events", $"/runs/{id}/cancel");
}
