using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>
/// One dimension of a negotiation: a one-dimensional policy scale from <see cref="ScaleMin"/>
/// to <see cref="ScaleMax"/> on which every actor takes a position.
/// </summary>
public sealed record Issue
{
    /// <summary>Identifier that stances refer to.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>Longer description of what is at stake, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Lowest point of the scale.</summary>
    public double ScaleMin { get; init; }

    /// <summary>Highest point of the scale; greater than <see cref="ScaleMin"/>.</summary>
    public double ScaleMax { get; init; } = 100;

    /// <summary>Labelled points of the scale, in ascending order of value.</summary>
    public ImmutableArray<Anchor> Anchors { get; init; } = [];

    /// <summary>
    /// The reference point: where the issue stands if no agreement is reached (status quo,
    /// disagreement point of bargaining models). <c>null</c> when unknown.
    /// </summary>
    public double? StatusQuo { get; init; }

    /// <summary>The actual outcome, when known (for backtests and scoring), on the issue's scale. <c>null</c> otherwise.</summary>
    public double? Outcome { get; init; }

    /// <summary>
    /// When and from what the outcome was observed (<see cref="OutcomeObservation"/>); <c>null</c>
    /// when the file gives only the value, or nothing. With a <c>null</c> <see cref="Outcome"/>, it
    /// records why the outcome could not be told.
    /// </summary>
    public OutcomeObservation? OutcomeObservation { get; init; }

    /// <summary>Width of the scale, <see cref="ScaleMax"/> − <see cref="ScaleMin"/>.</summary>
    public double ScaleWidth => ScaleMax - ScaleMin;

    /// <summary>The anchor nearest to <paramref name="value"/>; ties go to the lower anchor. <c>null</c> without anchors.</summary>
    public Anchor? NearestAnchor(double value)
    {
        Anchor? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var anchor in Anchors)
        {
            var distance = Math.Abs(anchor.Value - value);
            if (distance < bestDistance)
            {
                best = anchor;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Clamps <paramref name="value"/> to the scale.</summary>
    public double Clamp(double value) => Math.Clamp(value, ScaleMin, ScaleMax);
}
