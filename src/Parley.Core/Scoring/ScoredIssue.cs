using System.Collections.Immutable;

namespace Parley.Core.Scoring;

/// <summary>
/// One model's forecast of one issue as it is scored: the point forecast, its central intervals
/// and (when kept) its draws, and, when the issue's outcome is known, the <see cref="ForecastScore"/>.
/// </summary>
public sealed record ScoredIssue
{
    /// <summary>The issue's id.</summary>
    public required string IssueId { get; init; }

    /// <summary>The point forecast on the issue's scale.</summary>
    public required double Forecast { get; init; }

    /// <summary>Draws of the forecast's distribution; 0 for a point forecast.</summary>
    public int Draws { get; init; }

    /// <summary>The central intervals of the distribution, narrowest first; empty for a point forecast.</summary>
    public ImmutableArray<CentralInterval> Intervals { get; init; } = [];

    /// <summary>The draws in ascending order when they were kept (to record the forecast for later scoring); else empty.</summary>
    public ImmutableArray<double> SortedDraws { get; init; } = [];

    /// <summary>The outcome observed, on the issue's scale; <c>null</c> when not known.</summary>
    public double? Observed { get; init; }

    /// <summary>The day the outcome was observed, as the scenario gives it; <c>null</c> if not given.</summary>
    public string? ObservedOn { get; init; }

    /// <summary>How the forecast scored; <c>null</c> when the outcome is not known.</summary>
    public ForecastScore? Score { get; init; }
}
