using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Core.Staging;

/// <summary>What one stage of a negotiation in stages produced.</summary>
public sealed record StageResult
{
    /// <summary>The stage as the scenario gives it (an implicit stage with id <c>all</c> when the scenario has none).</summary>
    public required Stage Stage { get; init; }

    /// <summary>
    /// The actors taking part, in scenario actor order: those seated (the stage's participants and,
    /// for a bloc or delegation among them, its members) that take a stance on an issue on the table.
    /// </summary>
    public required ImmutableArray<string> Participants { get; init; }

    /// <summary>The issues on the table, in scenario order.</summary>
    public required ImmutableArray<string> IssuesOnTable { get; init; }

    /// <summary>The model that ran the stage.</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>The status quo each issue on the table had when the stage opened (<c>null</c> when unknown).</summary>
    public required ImmutableArray<KeyValuePair<string, double?>> StatusQuoBefore { get; init; }

    /// <summary>The model's full result on the stage's scenario (forecast per issue with a stance among the participants).</summary>
    public required ModelResult Result { get; init; }

    /// <summary>The stage's forecast per issue, in scenario order; issues nobody at the table takes a stance on are absent.</summary>
    public ImmutableArray<IssueForecast> Issues => Result.Issues;
}
