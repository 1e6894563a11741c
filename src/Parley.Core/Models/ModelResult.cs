using System.Collections.Immutable;

namespace Parley.Core.Models;

/// <summary>The outcome of one model run on one scenario.</summary>
public sealed record ModelResult
{
    /// <summary>The model that produced it.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>One forecast per issue that has stances, in scenario order.</summary>
    public required ImmutableArray<IssueForecast> Issues { get; init; }

    /// <summary>Round-by-round trace of dynamic models when <see cref="ModelOptions.Trace"/> was set; empty otherwise.</summary>
    public ImmutableArray<RoundTrace> Rounds { get; init; } = [];

    /// <summary>How many rounds a dynamic model ran; 0 for static models.</summary>
    public int RoundsRun { get; init; }

    /// <summary>Whether a dynamic model stopped because it converged (<c>null</c> for static models).</summary>
    public bool? Converged { get; init; }

    /// <summary>Model-specific extra results, if any.</summary>
    public ModelDetails? Details { get; init; }

    /// <summary>The forecast for <paramref name="issueId"/>, or <c>null</c> if the model made none.</summary>
    public IssueForecast? ForIssue(string issueId) => Issues.FirstOrDefault(f => f.IssueId == issueId);
}
