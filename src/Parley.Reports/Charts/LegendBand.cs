using ScottPlot;
using ScottPlot.Panels;

namespace Parley.Reports.Charts;

/// <summary>
/// The legend of an image, in a band of its own below the X axis: outside the data area, so it
/// never hides a point, bar or line (ScottPlot's own legend sits inside the data area). Its items
/// wrap into as many rows as the figure's width needs, and the band is as tall as those rows.
/// </summary>
internal sealed class LegendBand : PanelBase
{
    private const float Gap = 6;

    private readonly Legend legend;
    private readonly float width;

    /// <param name="legend">The plot's legend (its items are the plottables' legend texts).</param>
    /// <param name="width">The figure's width in pixels: the band spans it.</param>
    public LegendBand(Legend legend, float width)
    {
        this.legend = legend;
        this.width = width;
        Edge = Edge.Bottom;
    }

    /// <summary>Where the legend was last drawn, in pixels of the figure; empty before the first render.</summary>
    public PixelRect LastRect { get; private set; } = PixelRect.NaN;

    /// <summary>Height of the band: the legend's rows plus a gap above and below.</summary>
    public override float Measure(Paint paint) => Layout(paint, width).LegendRect.Height + (2 * Gap);

    /// <inheritdoc/>
    public override void Render(RenderPack rp, float size, float offset)
    {
        var panel = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        var band = new PixelRect(rp.FigureRect.Left, rp.FigureRect.Right, panel.Top + Gap, panel.Bottom - Gap);
        var layout = Layout(rp.Paint, band.Width);
        LastRect = layout.LegendRect.AlignedInside(band, Alignment.UpperCenter);
        legend.Render(rp.Canvas, rp.Paint, band, Alignment.UpperCenter);
    }

    private LegendLayout Layout(Paint paint, float available)
    {
        var items = legend.GetItems();
        return items.Length == 0 ? LegendLayout.NoLegend : legend.Layout.GetLayout(legend, items, new PixelSize(available, float.PositiveInfinity), paint);
    }
}
