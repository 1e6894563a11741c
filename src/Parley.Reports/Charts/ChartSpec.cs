using System.Collections.Immutable;

namespace Parley.Reports.Charts;

/// <summary>
/// One chart, described once and independently of the library that draws it: the HTML report
/// serialises it to Apache ECharts options (<see cref="EChartsOptions"/>), <c>--png</c>/<c>--svg</c>
/// draw it with ScottPlot (<see cref="ChartImages"/>), and a web page can send the same options.
/// Built from results by <see cref="NegotiationCharts"/> and <see cref="BacktestCharts"/>.
/// </summary>
public sealed record ChartSpec
{
    /// <summary>A stable id, unique within a report: the HTML element's id and the image's file name (letters, digits, '-').</summary>
    public required string Id { get; init; }

    /// <summary>The chart's title.</summary>
    public required string Title { get; init; }

    /// <summary>What the chart shows, in a sentence or two generated from the numbers.</summary>
    public required string Caption { get; init; }

    /// <summary>The horizontal axis.</summary>
    public required ChartAxis X { get; init; }

    /// <summary>The vertical axis; category labels read from top to bottom.</summary>
    public required ChartAxis Y { get; init; }

    /// <summary>The data, drawn in order (later series on top).</summary>
    public required ImmutableArray<ChartSeries> Series { get; init; }

    /// <summary>Labelled lines across the plot (status quo, quantiles, zero).</summary>
    public ImmutableArray<ReferenceLine> ReferenceLines { get; init; } = [];

    /// <summary>Height of the plot in pixels (images and the HTML page).</summary>
    public int Height { get; init; } = 320;
}
