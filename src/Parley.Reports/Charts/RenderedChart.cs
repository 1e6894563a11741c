using System.Collections.Immutable;
using ScottPlot;

namespace Parley.Reports.Charts;

/// <summary>A chart drawn as PNG by <see cref="ChartImages"/>, with where its parts landed (pixels from the image's top left).</summary>
/// <param name="Png">The PNG bytes.</param>
/// <param name="DataArea">The data area: the rectangle inside the axes.</param>
/// <param name="Legend">The legend's rectangle; <see cref="PixelRect.NaN"/> without a legend.</param>
/// <param name="Points">Every data point of every series with its pixel.</param>
/// <param name="XTicks">The labels of the X axis's major ticks, as drawn.</param>
internal sealed record RenderedChart(byte[] Png, PixelRect DataArea, PixelRect Legend, ImmutableArray<(ChartSeries Series, ChartPoint Point, Pixel Pixel)> Points, ImmutableArray<string> XTicks);
