namespace Parley.Reports.Charts;

/// <summary>A labelled straight line across the plot.</summary>
/// <param name="Vertical">True for a vertical line at X = <paramref name="Value"/>; false for a horizontal one at Y = value.</param>
/// <param name="Value">Where the line is, in axis units.</param>
/// <param name="Label">Its short label, e.g. <c>status quo 10</c> or <c>P50 61.3</c>.</param>
public sealed record ReferenceLine(bool Vertical, double Value, string Label)
{
    /// <summary>
    /// The row of the label above the plot: 0 next to the plot, each further row one label's height
    /// higher, so that the labels of close lines do not overlap.
    /// </summary>
    public int Tier { get; init; }
}
