using System.Collections.Immutable;
using System.Text;
using ScottPlot;

namespace Parley.Reports.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as a PNG or SVG image with ScottPlot 5, for slides and papers:
/// the same series, colours, axes and reference lines as the HTML report's interactive chart.
/// </summary>
public static class ChartImages
{
    /// <summary>Width of every image in pixels; the height is the chart's <see cref="ChartSpec.Height"/> plus room for the title.</summary>
    public const int Width = 900;

    /// <summary>Height in pixels of one row of staggered reference-line labels above the plot.</summary>
    private const int LabelRowHeight = 20;

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] ToPng(ChartSpec chart) => Render(chart).Png;

    /// <summary>The chart as an SVG document.</summary>
    public static string ToSvg(ChartSpec chart)
    {
        var (plot, height, _) = Draw(chart);
        using (plot)
        {
            return plot.GetSvgXml(Width, height);
        }
    }

    /// <summary>
    /// The chart as PNG bytes with where things landed: the data area, the legend (outside it) and
    /// each data point's pixel, so tests can check that nothing hides the data.
    /// </summary>
    internal static RenderedChart Render(ChartSpec chart)
    {
        var (plot, height, legend) = Draw(chart);
        using (plot)
        {
            var png = plot.GetImageBytes(Width, height, ImageFormat.Png);
            var categoriesY = chart.Y.Categories.IsDefaultOrEmpty ? 0 : chart.Y.Categories.Length;
            var points = chart.Series
                .SelectMany(series => series.Points.Select(point => (series, point, plot.GetPixel(new Coordinates(point.X, categoriesY > 0 ? categoriesY - 1 - point.Y : point.Y)))))
                .ToImmutableArray();
            var xTicks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToImmutableArray();
            return new RenderedChart(png, plot.RenderManager.LastRender.DataRect, legend?.LastRect ?? PixelRect.NaN, points, xTicks);
        }
    }

    /// <summary>The image's file name: the chart id and the extension.</summary>
    public static string FileName(ChartSpec chart, string extension) => $"{chart.Id}.{extension}";

    /// <summary>UTF-8 bytes of <see cref="ToSvg"/>.</summary>
    public static byte[] ToSvgBytes(ChartSpec chart) => new UTF8Encoding(false).GetBytes(ToSvg(chart));

    private static (Plot Plot, int Height, LegendBand? Legend) Draw(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        plot.Title(chart.Title, size: 14);
        plot.XLabel(chart.X.Title, size: 12);
        plot.YLabel(chart.Y.IsCategory ? string.Empty : chart.Y.Title, size: 12);
        var categoriesY = chart.Y.Categories.IsDefaultOrEmpty ? 0 : chart.Y.Categories.Length;

        // Category labels read top to bottom: category i is drawn at height (count - 1 - i).
        double PlotY(double y) => categoriesY > 0 ? categoriesY - 1 - y : y;

        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in chart.Series)
        {
            var color = Color.FromHex(series.Color);
            var legendText = labelled.Add(series.Name) ? series.Name : null;
            switch (series.Kind)
            {
                case SeriesKind.Line:
                    var line = plot.Add.ScatterLine(series.Points.Select(p => p.X).ToArray(), series.Points.Select(p => PlotY(p.Y)).ToArray(), color);
                    line.LineWidth = series.Emphasised ? 3 : 1.5f;
                    line.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                    line.LegendText = legendText ?? string.Empty;
                    break;
                case SeriesKind.Scatter:
                    var first = true;
                    foreach (var point in series.Points)
                    {
                        var size = point.Size > 0 ? (float)point.Size : (series.Emphasised ? 14 : 8);
                        var marker = plot.Add.Marker(point.X, PlotY(point.Y), series.Diamonds ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle, size, color.WithAlpha(series.Emphasised ? 1 : 0.75));
                        marker.LegendText = first ? legendText ?? string.Empty : string.Empty;
                        first = false;
                    }

                    break;
                case SeriesKind.Bar:
                    var bars = series.Points.Select(p => chart.Y.IsCategory
                        ? new Bar { Position = PlotY(p.Y), Value = p.X, FillColor = color, LineWidth = 0, Size = 0.35, Orientation = Orientation.Horizontal }
                        : new Bar { Position = p.X, Value = p.Y, FillColor = color.WithAlpha(0.75), LineWidth = 0, Size = series.BarWidth > 0 ? series.BarWidth * 0.9 : 0.8 }).ToList();
                    var barPlot = plot.Add.Bars(bars);
                    barPlot.LegendText = legendText ?? string.Empty;
                    break;
                case SeriesKind.Interval:
                    var firstInterval = true;
                    foreach (var point in series.Points)
                    {
                        var segment = plot.Add.Line(point.X, PlotY(point.Y), point.XEnd ?? point.X, PlotY(point.Y));
                        segment.Color = color;
                        segment.LineWidth = 3;
                        segment.LegendText = firstInterval ? legendText ?? string.Empty : string.Empty;
                        firstInterval = false;
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(chart), series.Kind, "unknown series kind");
            }
        }

        foreach (var reference in chart.ReferenceLines)
        {
            var line = reference.Vertical ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(reference.Value) : plot.Add.HorizontalLine(PlotY(reference.Value));
            line.Color = Color.FromHex(ChartPalette.Emphasis).WithAlpha(0.7);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1;
            line.Text = reference.Label;
            line.LabelFontSize = 10;

            // Labels sit above the data area, as in the HTML report: below it they would cover the X axis's
            // tick labels. Close lines' labels are staggered upwards by their tier.
            line.LabelOppositeAxis = true;
            line.LabelStyle.OffsetY = -reference.Tier * LabelRowHeight;
        }

        var labelRows = chart.ReferenceLines.IsDefaultOrEmpty ? 0 : 1 + chart.ReferenceLines.Max(r => r.Tier);
        plot.Axes.Top.MinimumSize = labelRows * LabelRowHeight + 4;

        if (categoriesY > 0)
        {
            var ticks = chart.Y.Categories.Select((label, index) => new Tick(PlotY(index), label)).ToArray();
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.SetLimitsY(-0.7, categoriesY - 0.3);
        }

        if (chart.X.IsCategory)
        {
            var ticks = chart.X.Categories.Select((label, index) => new Tick(index, label)).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.SetLimitsX(-0.5, chart.X.Categories.Length - 0.5);
        }
        else if (chart.X.Min is { } xMin && chart.X.Max is { } xMax)
        {
            var pad = (xMax - xMin) * 0.02;
            plot.Axes.SetLimitsX(xMin - pad, xMax + pad);
        }

        if (!chart.Y.IsCategory && chart.Y.Min is { } yMin && chart.Y.Max is { } yMax)
        {
            plot.Axes.SetLimitsY(yMin, yMax);
        }

        // Counts such as rounds tick at whole numbers only, as the HTML chart does (minInterval 1): a one-round
        // chart otherwise read 0, 0.05, 0.1, ...
        if (chart.X.Integer && !chart.X.IsCategory)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        if (chart.Y.Integer && !chart.Y.IsCategory)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        // ScottPlot's own legend sits inside the data area, over the data; a legend is drawn in a band
        // below the X axis instead (the HTML report's is above the plot), and only for two series or more.
        plot.Legend.IsVisible = false;
        var height = chart.Height + 60 + (labelRows * LabelRowHeight);
        if (labelled.Count <= 1)
        {
            return (plot, height, null);
        }

        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.TightHorizontalWrapping = true;
        var legend = new LegendBand(plot.Legend, Width);
        plot.Axes.AddPanel(legend);
        using var paint = Paint.NewDisposablePaint();
        return (plot, height + (int)Math.Ceiling(legend.Measure(paint)), legend);
    }
}
