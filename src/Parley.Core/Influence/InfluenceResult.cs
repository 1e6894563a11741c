using System.Collections.Immutable;
using Parley.Core.Models;

namespace Parley.Core.Influence;

/// <summary>Who holds the key to each issue, under one model.</summary>
public sealed record InfluenceResult
{
    /// <summary>The model analysed.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>The options used.</summary>
    public required InfluenceOptions Options { get; init; }

    /// <summary>How many players entered the Shapley computation (actors with a stance or members).</summary>
    public required int Players { get; init; }

    /// <summary>How many distinct forecasts (coalitions and changed inputs) were run.</summary>
    public required int Runs { get; init; }

    /// <summary>Whether the analysis was cancelled after the Shapley values: <see cref="Issues"/> then holds the issues whose search was complete.</summary>
    public bool Partial { get; init; }

    /// <summary>One entry per issue with a forecast, in scenario order.</summary>
    public required ImmutableArray<IssueInfluence> Issues { get; init; }
}
