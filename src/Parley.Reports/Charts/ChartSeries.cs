using System.Collections.Immutable;

namespace Parley.Reports.Charts;

/// <summary>A named set of points drawn one way (<see cref="SeriesKind"/>); series of the same name share a legend entry.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Kind">How the points are drawn.</param>
/// <param name="Points">The points.</param>
/// <param name="Color">Colour as <c>#rrggbb</c>; the builders take it from <see cref="ChartPalette"/> so every renderer draws the same colours.</param>
public sealed record ChartSeries(string Name, SeriesKind Kind, ImmutableArray<ChartPoint> Points, string Color)
{
    /// <summary>Drawn thicker or larger: the outcome among actors' lines, a model's forecast among positions.</summary>
    public bool Emphasised { get; init; }

    /// <summary>Dashed line (lines and intervals).</summary>
    public bool Dashed { get; init; }

    /// <summary>Width of vertical bars in X units (histograms); ignored otherwise.</summary>
    public double BarWidth { get; init; }

    /// <summary>Diamond markers instead of circles (scatter), to tell forecasts from positions.</summary>
    public bool Diamonds { get; init; }
}
