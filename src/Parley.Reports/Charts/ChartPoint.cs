namespace Parley.Reports.Charts;

/// <summary>One data point of a <see cref="ChartSeries"/>; on a category axis the coordinate is the category's index.</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
/// <param name="Size">Marker diameter in pixels for scatter points; 0 for the series' default.</param>
/// <param name="Label">What the point is, shown on hover (e.g. the actor's name).</param>
/// <param name="XEnd">The other end of an <see cref="SeriesKind.Interval"/>.</param>
public readonly record struct ChartPoint(double X, double Y, double Size = 0, string? Label = null, double? XEnd = null);
