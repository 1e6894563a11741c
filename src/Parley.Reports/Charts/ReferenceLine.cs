namespace Parley.Reports.Charts;

/// <summary>A labelled straight line across the plot.</summary>
/// <param name="Vertical">True for a vertical line at X = <paramref name="Value"/>; false for a horizontal one at Y = value.</param>
/// <param name="Value">Where the line is, in axis units.</param>
/// <param name="Label">Its short label, e.g. <c>status quo 10</c> or <c>P50 61.3</c>.</param>
public sealed record ReferenceLine(bool Vertical, double Value, string Label)
{
    /// <summary>
    /// Width of the narrowest plot a label must stay readable on, in pixels: the HTML report's charts on
    /// a small window (the images are 900 pixels wide, their plots about 800).
    /// </summary>
    internal const double NarrowPlotPixels = 500;

    /// <summary>Width of one label character in pixels (labels are drawn at 10 px), with room for the label's box.</summary>
    private const double CharacterPixels = 7;

    private const double BoxPixels = 14;

    /// <summary>
    /// The row of the label above the plot: 0 next to the plot, each further row one label's height
    /// higher, so that the labels of close lines do not overlap (see <see cref="Stagger"/>).
    /// </summary>
    public int Tier { get; init; }

    /// <summary>
    /// The vertical <paramref name="lines"/> with their labels staggered: in order along the axis, each
    /// label takes the lowest row where it does not overlap a label already there, its width estimated
    /// from its length on a plot <see cref="NarrowPlotPixels"/> wide spanning <paramref name="min"/> to <paramref name="max"/>.
    /// </summary>
    /// <param name="lines">Vertical reference lines, in any order; the result keeps that order.</param>
    /// <param name="min">The axis's lowest value.</param>
    /// <param name="max">The axis's highest value, above <paramref name="min"/>.</param>
    public static IReadOnlyList<ReferenceLine> Stagger(IReadOnlyList<ReferenceLine> lines, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            throw new ArgumentException($"the axis must run from a finite minimum to a larger finite maximum; got {min} to {max}", nameof(max));
        }

        double HalfWidth(ReferenceLine line) => ((line.Label.Length * CharacterPixels) + BoxPixels) / 2 / NarrowPlotPixels * (max - min);
        var rightEdges = new List<double>();
        var staggered = new ReferenceLine[lines.Count];
        foreach (var (line, index) in lines.Select((line, index) => (line, index)).OrderBy(l => l.line.Value).ThenBy(l => l.index))
        {
            var left = line.Value - HalfWidth(line);
            var tier = rightEdges.FindIndex(edge => edge <= left);
            if (tier < 0)
            {
                tier = rightEdges.Count;
                rightEdges.Add(0);
            }

            rightEdges[tier] = line.Value + HalfWidth(line);
            staggered[index] = line with { Tier = tier };
        }

        return staggered;
    }
}
