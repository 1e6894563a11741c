using System.Collections.Immutable;

namespace Parley.Storage;

/// <summary>Everything recorded about one run.</summary>
/// <param name="Summary">Id, command, scenario, models, status and times.</param>
/// <param name="Arguments">The command's arguments without the scenario file and storage options.</param>
/// <param name="Options">Every option of the run by name.</param>
/// <param name="Seed">The seed, if the run has randomness.</param>
/// <param name="ParleyVersion">The Parley version that ran it.</param>
/// <param name="Error">Why it failed or was cancelled; <c>null</c> otherwise.</param>
/// <param name="Result">The result document (the command's <c>--json</c> output), for a completed run.</param>
/// <param name="ResultHash">SHA-256 of <paramref name="Result"/>, lower-case hex.</param>
public sealed record StoredRun(
    RunSummary Summary,
    ImmutableArray<string> Arguments,
    ImmutableSortedDictionary<string, string> Options,
    ulong? Seed,
    string ParleyVersion,
    string? Error,
    string? Result,
    string? ResultHash);
