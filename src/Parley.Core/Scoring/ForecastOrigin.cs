using System.Collections.Immutable;

namespace Parley.Core.Scoring;

/// <summary>
/// Where the scored forecasts came from: computed now from the scenario, or read from a run
/// recorded in the Parley store (scored as they were stored, so the record cannot be rewritten).
/// </summary>
public sealed record ForecastOrigin
{
    /// <summary>Forecasts computed now.</summary>
    public static ForecastOrigin Fresh { get; } = new();

    /// <summary>The stored run's number; <c>null</c> for fresh forecasts.</summary>
    public long? RunId { get; init; }

    /// <summary>The stored run's command (<c>score</c>, <c>forecast</c>, <c>montecarlo</c>); <c>null</c> for fresh forecasts.</summary>
    public string? Command { get; init; }

    /// <summary>When the stored run started (UTC); <c>null</c> for fresh forecasts.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>The scenario version the stored run forecast (<c>alaska-2025@1</c>); <c>null</c> for fresh forecasts.</summary>
    public string? ScenarioVersion { get; init; }

    /// <summary>
    /// What a reader should know about the stored forecasts: recorded after an outcome was observed,
    /// inputs changed since, a score that the stored document cannot support. Empty when none.
    /// </summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Whether the forecasts were read from a stored run.</summary>
    public bool IsStored => RunId is not null;
}
