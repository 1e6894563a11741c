using System.Collections.Immutable;

namespace Parley.Core.Models;

/// <summary>A model's forecast for one issue.</summary>
public sealed record IssueForecast
{
    /// <summary>The issue.</summary>
    public required string IssueId { get; init; }

    /// <summary>The forecast outcome, on the issue's scale.</summary>
    public required double Forecast { get; init; }

    /// <summary>Each actor's final position when the model moves actors (empty for static models).</summary>
    public ImmutableArray<ActorPosition> Positions { get; init; } = [];
}
