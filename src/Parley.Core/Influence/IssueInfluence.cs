using System.Collections.Immutable;

namespace Parley.Core.Influence;

/// <summary>Who holds the key to one issue: every actor's influence, ranked.</summary>
public sealed record IssueInfluence
{
    /// <summary>The issue.</summary>
    public required string IssueId { get; init; }

    /// <summary>The forecast with every actor.</summary>
    public required double Forecast { get; init; }

    /// <summary>
    /// The value of the empty coalition: the issue's status quo, or the midpoint of its scale when it
    /// has none. A coalition whose run forecasts nothing on the issue is worth this.
    /// </summary>
    public required double Reference { get; init; }

    /// <summary>Whether the Shapley values are exact (every coalition) rather than sampled.</summary>
    public required bool ShapleyExact { get; init; }

    /// <summary>Actors ranked by |Shapley value|, then |absence shift|, then scenario order.</summary>
    public required ImmutableArray<ActorInfluence> Actors { get; init; }
}
