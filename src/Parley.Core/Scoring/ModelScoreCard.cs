using System.Collections.Immutable;

namespace Parley.Core.Scoring;

/// <summary>One model's forecasts of a scenario's issues and how they scored against the outcomes.</summary>
public sealed record ModelScoreCard
{
    /// <summary>The model's id.</summary>
    public required string ModelId { get; init; }

    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The work the model implements.</summary>
    public required string Citation { get; init; }

    /// <summary>Draws per issue of the Monte Carlo distribution; 0 for point forecasts.</summary>
    public int Draws { get; init; }

    /// <summary>Every issue the model forecast, in scenario order, scored or not.</summary>
    public required ImmutableArray<ScoredIssue> Issues { get; init; }

    /// <summary>The scores of the issues with a known outcome, summarised.</summary>
    public ScoreSummary Summary => ScoreSummary.Of([.. Issues.Where(i => i.Score is not null).Select(i => i.Score!)]);
}
