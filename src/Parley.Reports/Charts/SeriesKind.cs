namespace Parley.Reports.Charts;

/// <summary>How a <see cref="ChartSeries"/> is drawn.</summary>
public enum SeriesKind
{
    /// <summary>Points joined by a line, in the given order.</summary>
    Line,

    /// <summary>Markers, each of its own size (<see cref="ChartPoint.Size"/>).</summary>
    Scatter,

    /// <summary>
    /// Bars: horizontal from 0 to X when the Y axis has categories; otherwise vertical from 0 to Y,
    /// centred on X and <see cref="ChartSeries.BarWidth"/> wide (a histogram).
    /// </summary>
    Bar,

    /// <summary>A horizontal segment per point, from X to <see cref="ChartPoint.XEnd"/> at height Y (an interval).</summary>
    Interval,
}
