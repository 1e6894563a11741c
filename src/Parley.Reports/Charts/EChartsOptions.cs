using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Reports.Charts;

/// <summary>
/// Serialises a <see cref="ChartSpec"/> to an Apache ECharts option object (plain JSON, no
/// functions), so the HTML report and any web page draw the same chart from the same description.
/// Animation is off: the chart is drawn at once and identically every time.
/// </summary>
public static class EChartsOptions
{
    /// <summary>Height of a row of reference-line labels in pixels (10 px text).</summary>
    private const int LabelRowHeight = 14;

    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        // The default encoder escapes <, >, & and non-ASCII, so the JSON is safe inside a <script> element.
        Encoder = JavaScriptEncoder.Default,
    };

    /// <summary>The ECharts option object of <paramref name="chart"/>.</summary>
    public static JsonObject ToOption(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var legendNames = chart.Series.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        var option = new JsonObject
        {
            ["animation"] = false,
            ["textStyle"] = new JsonObject { ["fontFamily"] = "system-ui, sans-serif" },
            ["grid"] = new JsonObject { ["left"] = LeftMargin(chart.Y), ["right"] = 28, ["top"] = (legendNames.Count > 1 ? 40 : 20) + (LabelTiers(chart) * LabelRowHeight), ["bottom"] = chart.X.IsCategory ? 76 : 44 },
            ["tooltip"] = new JsonObject { ["trigger"] = "item", ["confine"] = true },
            ["xAxis"] = Axis(chart.X, vertical: false),
            ["yAxis"] = Axis(chart.Y, vertical: true),
        };
        if (legendNames.Count > 1)
        {
            option["legend"] = new JsonObject { ["type"] = "scroll", ["top"] = 0, ["data"] = new JsonArray([.. legendNames.Select(n => (JsonNode?)JsonValue.Create(n))]) };
        }

        var series = new JsonArray();
        foreach (var item in chart.Series)
        {
            foreach (var node in Series(chart, item))
            {
                series.Add(node);
            }
        }

        if (!chart.ReferenceLines.IsDefaultOrEmpty)
        {
            // Reference lines ride on an empty series of their own, so they show whatever the data.
            series.Add(new JsonObject
            {
                ["type"] = "line",
                ["name"] = "reference lines",
                ["data"] = new JsonArray(),
                ["silent"] = true,
                ["markLine"] = new JsonObject
                {
                    ["silent"] = true,
                    ["symbol"] = "none",
                    ["lineStyle"] = new JsonObject { ["color"] = ChartPalette.Emphasis, ["type"] = "dashed", ["width"] = 1 },
                    ["label"] = new JsonObject { ["fontSize"] = 10, ["color"] = ChartPalette.Emphasis },
                    ["data"] = new JsonArray([.. chart.ReferenceLines.Select(line => ReferenceLineNode(line, chart.Y.IsCategory))]),
                },
            });
        }

        option["series"] = series;
        return option;
    }

    /// <summary>The name of the embedded Apache ECharts library (minified) in this assembly.</summary>
    internal const string LibraryResource = "Parley.Reports.Html.echarts.min.js";

    /// <summary>
    /// The Apache ECharts library these options are drawn with (pinned by Html/npm/package-lock.json,
    /// embedded at build), for a web page that serves it itself rather than from a CDN.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build did not embed the library.</exception>
    public static Stream OpenLibrary() =>
        typeof(EChartsOptions).Assembly.GetManifestResourceStream(LibraryResource)
            ?? throw new InvalidOperationException($"the chart library resource {LibraryResource} is missing from Parley.Reports; rebuild it (its build runs npm ci)");

    /// <summary>The option object as compact JSON, safe to embed in a <c>&lt;script&gt;</c> element.</summary>
    public static string ToJson(ChartSpec chart) => ToOption(chart).ToJsonString(Compact);

    /// <summary>Several charts as one JSON object keyed by chart id, in the given order.</summary>
    public static string ToJson(IEnumerable<ChartSpec> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var all = new JsonObject();
        foreach (var chart in charts)
        {
            all[chart.Id] = ToOption(chart);
        }

        return all.ToJsonString(Compact);
    }

    private static JsonObject Axis(ChartAxis axis, bool vertical)
    {
        var node = new JsonObject
        {
            ["name"] = axis.Title,
            ["nameLocation"] = "middle",
            ["nameGap"] = vertical ? (axis.IsCategory ? 0 : 40) : (axis.IsCategory ? 50 : 26),
            ["nameTextStyle"] = new JsonObject { ["color"] = "#555" },
            ["splitLine"] = new JsonObject { ["show"] = !axis.IsCategory, ["lineStyle"] = new JsonObject { ["color"] = "#eee" } },
        };
        if (axis.IsCategory)
        {
            node["type"] = "category";
            node["data"] = new JsonArray([.. axis.Categories.Select(c => (JsonNode?)JsonValue.Create(c))]);
            node["inverse"] = vertical;
            node["axisTick"] = new JsonObject { ["alignWithLabel"] = true };
            node["axisLabel"] = vertical
                ? new JsonObject { ["interval"] = 0 }
                : new JsonObject { ["interval"] = 0, ["width"] = 150, ["overflow"] = "break" };
            if (vertical)
            {
                node["name"] = string.Empty;
            }
        }
        else
        {
            node["type"] = "value";
            node["scale"] = true;
            if (axis.Min is { } min)
            {
                node["min"] = min;
            }

            if (axis.Max is { } max)
            {
                node["max"] = max;
            }

            if (axis.Integer)
            {
                node["minInterval"] = 1;
            }
        }

        return node;
    }

    private static IEnumerable<JsonObject> Series(ChartSpec chart, ChartSeries series) => series.Kind switch
    {
        SeriesKind.Line => [Line(series, [.. series.Points.Select(p => Pair(p.X, p.Y))])],
        SeriesKind.Scatter => [Scatter(series)],
        SeriesKind.Bar => [Bar(chart, series)],
        // One short line per interval: ECharts joins every point of a line series.
        SeriesKind.Interval => series.Points.Select(p => Line(series, [Pair(p.X, p.Y), Pair(p.XEnd ?? p.X, p.Y)], p.Label)),
        _ => throw new ArgumentOutOfRangeException(nameof(series), series.Kind, "unknown series kind"),
    };

    private static JsonObject Line(ChartSeries series, JsonArray data, string? label = null)
    {
        var node = Common(series, "line");
        node["data"] = data;
        node["showSymbol"] = series.Kind == SeriesKind.Interval;
        node["symbolSize"] = 4;
        node["lineStyle"] = new JsonObject { ["width"] = series.Emphasised ? 3 : (series.Kind == SeriesKind.Interval ? 3 : 1.5), ["type"] = series.Dashed ? "dashed" : "solid" };
        node["z"] = series.Emphasised ? 5 : 2;
        if (label is not null)
        {
            node["tooltip"] = new JsonObject { ["formatter"] = label };
        }

        return node;
    }

    private static JsonObject Scatter(ChartSeries series)
    {
        var node = Common(series, "scatter");
        node["symbol"] = series.Diamonds ? "diamond" : "circle";
        node["symbolSize"] = series.Emphasised ? 14 : 8;
        node["itemStyle"] = new JsonObject { ["color"] = series.Color, ["opacity"] = series.Emphasised ? 1 : 0.75, ["borderColor"] = "#fff", ["borderWidth"] = 0.5 };
        node["z"] = series.Emphasised ? 5 : 3;
        node["data"] = new JsonArray([.. series.Points.Select(p =>
        {
            var item = new JsonObject { ["value"] = Pair(p.X, p.Y) };
            if (p.Size > 0)
            {
                item["symbolSize"] = Math.Round(p.Size, 2);
            }

            if (p.Label is not null)
            {
                item["name"] = p.Label;
            }

            return (JsonNode?)item;
        })]);
        if (series.Points.Length > 0 && series.Points.All(p => p.Label is not null))
        {
            // A labelled point's label already says its value ("compromise: 69.6"); ECharts' default would add the raw
            // coordinates after it ("69.5673077"), to more digits than the scale calls for.
            node["tooltip"] = new JsonObject { ["formatter"] = "{b}" };
        }

        return node;
    }

    private static JsonObject Bar(ChartSpec chart, ChartSeries series)
    {
        var node = Common(series, "bar");
        node["itemStyle"] = new JsonObject { ["color"] = series.Color };
        if (chart.Y.IsCategory)
        {
            // One value per category slot, in category order; slots the series has no point for stay empty.
            var values = new JsonNode?[chart.Y.Categories.Length];
            foreach (var point in series.Points)
            {
                values[(int)point.Y] = JsonValue.Create(point.X);
            }

            node["data"] = new JsonArray(values);
            node["barGap"] = "10%";
        }
        else
        {
            node["data"] = new JsonArray([.. series.Points.Select(p => (JsonNode?)Pair(p.X, p.Y))]);
            node["barWidth"] = "90%";
            node["barGap"] = "-100%";
            node["itemStyle"]!["opacity"] = 0.75;
        }

        return node;
    }

    private static JsonObject Common(ChartSeries series, string type) => new()
    {
        ["type"] = type,
        ["name"] = series.Name,
        ["color"] = series.Color,
    };

    /// <summary>
    /// A vertical line's label sits at its top: its end, or its start when the category Y axis runs downwards;
    /// a label of a higher <see cref="ReferenceLine.Tier"/> stands that many rows further up.
    /// </summary>
    private static JsonNode ReferenceLineNode(ReferenceLine line, bool categoryY)
    {
        var label = new JsonObject
        {
            ["formatter"] = line.Label.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal),
            ["position"] = line.Vertical ? (categoryY ? "start" : "end") : "insideEndTop",
        };
        if (line.Tier > 0)
        {
            // ECharts' default distance from the line's end is 5 px.
            label["distance"] = 5 + (line.Tier * LabelRowHeight);
        }

        return new JsonObject { [line.Vertical ? "xAxis" : "yAxis"] = line.Value, ["label"] = label };
    }

    /// <summary>Rows of labels above the first one: the room the grid leaves above the plot grows by as many label rows.</summary>
    private static int LabelTiers(ChartSpec chart) => chart.ReferenceLines.IsDefaultOrEmpty ? 0 : chart.ReferenceLines.Max(r => r.Tier);

    /// <summary>Room for the Y axis: its longest category label (about 7 px a character at 12 px), or its numbers and title.</summary>
    private static int LeftMargin(ChartAxis axis) =>
        axis.IsCategory ? Math.Clamp(16 + (7 * axis.Categories.Max(c => c.Length)), 60, 280) : 64;

    private static JsonArray Pair(double x, double y) => [JsonValue.Create(Round(x)), JsonValue.Create(Round(y))];

    /// <summary>Nine significant digits: plenty for a chart, and far shorter files than round-trip doubles.</summary>
    private static double Round(double value) => double.Parse(value.ToString("G9", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
