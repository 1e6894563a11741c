using System.Globalization;

namespace Parley.Core.Uncertainty;

/// <summary>
/// One input of a scenario that varies between Monte Carlo draws: its estimate and the interval
/// it is drawn from, uniformly or, when <see cref="StandardDeviation"/> is given, from a normal
/// centred on the estimate and truncated to the interval.
/// </summary>
public sealed record UncertainInput
{
    /// <summary>Which number this is.</summary>
    public required UncertainInputKind Kind { get; init; }

    /// <summary>The actor it belongs to.</summary>
    public required string ActorId { get; init; }

    /// <summary>The issue of the stance; <c>null</c> for an actor's overall capability.</summary>
    public string? IssueId { get; init; }

    /// <summary>The analyst's point estimate.</summary>
    public required double Estimate { get; init; }

    /// <summary>Lowest value drawn (already truncated to the valid range).</summary>
    public required double Low { get; init; }

    /// <summary>Highest value drawn (already truncated to the valid range); greater than <see cref="Low"/>.</summary>
    public required double High { get; init; }

    /// <summary>Standard deviation of a truncated normal draw; <c>null</c> for a uniform draw on [<see cref="Low"/>, <see cref="High"/>].</summary>
    public double? StandardDeviation { get; init; }

    /// <summary>Whether the interval comes from the scenario-wide default spread rather than the input's own range.</summary>
    public bool FromDefaultSpread { get; init; }

    /// <summary>A short name for tables, e.g. <c>russia salience on territory</c> or <c>usa capability</c>.</summary>
    public string Label => IssueId is null
        ? string.Create(CultureInfo.InvariantCulture, $"{ActorId} {KindName}")
        : string.Create(CultureInfo.InvariantCulture, $"{ActorId} {KindName} on {IssueId}");

    private string KindName => Kind switch
    {
        UncertainInputKind.Position => "position",
        UncertainInputKind.Salience => "salience",
        _ => "capability",
    };
}
