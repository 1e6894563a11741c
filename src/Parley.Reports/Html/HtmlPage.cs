using System.Net;
using System.Text;
using Parley.Reports.Charts;

namespace Parley.Reports.Html;

/// <summary>
/// The skeleton every HTML report shares: one self-contained file with its styles, the chart
/// library (Apache ECharts, inlined from the assembly's resources) and the charts' options inlined,
/// so it opens offline in any browser. Charts are drawn as SVG when the page loads.
/// </summary>
internal sealed class HtmlPage
{
    private static readonly Lazy<string> ChartLibrary = new(LoadChartLibrary);
    private readonly StringBuilder body = new();
    private readonly List<ChartSpec> charts = [];
    private readonly List<(string Id, string Title)> contents = [];

    /// <summary>The charts added so far, in page order.</summary>
    public IReadOnlyList<ChartSpec> Charts => charts;

    /// <summary>HTML-escapes <paramref name="text"/>.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Opens a top-level section listed in the table of contents.</summary>
    public HtmlPage Section(string id, string title, string? introduction = null)
    {
        if (contents.Count > 0)
        {
            body.Append("</section>\n");
        }

        contents.Add((id, title));
        body.Append("<section id=\"").Append(Escape(id)).Append("\" class=\"report-section\">\n<h2>").Append(Escape(title)).Append("</h2>\n");
        if (introduction is not null)
        {
            Paragraph(introduction);
        }

        return this;
    }

    /// <summary>A sub-heading.</summary>
    public HtmlPage Heading(string text, string? id = null)
    {
        body.Append("<h3").Append(id is null ? string.Empty : $" id=\"{Escape(id)}\"").Append('>').Append(Escape(text)).Append("</h3>\n");
        return this;
    }

    /// <summary>A paragraph of plain text.</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        body.Append("<p").Append(cssClass is null ? string.Empty : $" class=\"{cssClass}\"").Append('>').Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Markup the caller has escaped.</summary>
    public HtmlPage Raw(string html)
    {
        body.Append(html);
        return this;
    }

    /// <summary>A table; every cell is escaped. Cells of columns listed in <paramref name="numeric"/> are right-aligned.</summary>
    public HtmlPage Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? numeric = null, string? cssClass = null)
    {
        body.Append("<div class=\"table-wrap\"><table").Append(cssClass is null ? string.Empty : $" class=\"{cssClass}\"").Append("><thead><tr>");
        for (var c = 0; c < headers.Count; c++)
        {
            body.Append(numeric?.Contains(c) == true ? "<th class=\"num\">" : "<th>").Append(Escape(headers[c])).Append("</th>");
        }

        body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            body.Append("<tr>");
            for (var c = 0; c < row.Count; c++)
            {
                body.Append(numeric?.Contains(c) == true ? "<td class=\"num\">" : "<td>").Append(Escape(row[c])).Append("</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody></table></div>\n");
        return this;
    }

    /// <summary>A chart: its title, the plot (drawn by the page's script) and its caption.</summary>
    public HtmlPage Chart(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        charts.Add(chart);
        body.Append("<figure class=\"chart\" id=\"").Append(Escape(chart.Id)).Append("\">\n<figcaption class=\"chart-title\">").Append(Escape(chart.Title)).Append("</figcaption>\n")
            .Append("<div class=\"plot\" data-chart=\"").Append(Escape(chart.Id)).Append("\" style=\"height:").Append(chart.Height).Append("px\" role=\"img\" aria-label=\"").Append(Escape(chart.Title)).Append("\"></div>\n")
            .Append("<p class=\"caption\">").Append(Escape(chart.Caption)).Append("</p>\n</figure>\n");
        return this;
    }

    /// <summary>Every chart of <paramref name="list"/>.</summary>
    public HtmlPage ChartsOf(IEnumerable<ChartSpec> list)
    {
        foreach (var chart in list)
        {
            Chart(chart);
        }

        return this;
    }

    /// <summary>The whole document; the chart library is left out of a page without charts (a draft's report).</summary>
    /// <param name="title">The page title.</param>
    /// <param name="header">Escaped markup of the header under the title.</param>
    /// <param name="footer">Plain text of the footer.</param>
    public string Render(string title, string header, string footer)
    {
        var html = new StringBuilder((charts.Count == 0 ? 0 : ChartLibrary.Value.Length) + body.Length + 65_536);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Parley\">\n<title>").Append(Escape(title)).Append("</title>\n<style>\n").Append(Styles).Append("</style>\n</head>\n<body>\n<header>\n<h1>")
            .Append(Escape(title)).Append("</h1>\n").Append(header).Append("</header>\n<nav aria-label=\"Contents\"><ol>");
        foreach (var (id, sectionTitle) in contents)
        {
            html.Append("<li><a href=\"#").Append(Escape(id)).Append("\">").Append(Escape(sectionTitle)).Append("</a></li>");
        }

        html.Append("</ol></nav>\n<main>\n").Append(body);
        if (contents.Count > 0)
        {
            html.Append("</section>\n");
        }

        html.Append("</main>\n<footer><p>").Append(Escape(footer)).Append("</p></footer>\n")
            .Append(charts.Count == 0 ? string.Empty : "<script>\n" + ChartLibrary.Value + "\n</script>\n")
            .Append("<script type=\"application/json\" id=\"parley-charts\">").Append(EChartsOptions.ToJson(charts)).Append("</script>\n")
            .Append("<script>\n").Append(DrawScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string LoadChartLibrary()
    {
        using var stream = EChartsOptions.OpenLibrary();
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // A script element ends at the first "</script"; the library has none, and this keeps it so.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private const string DrawScript = """
        (function () {
          var options = JSON.parse(document.getElementById('parley-charts').textContent);
          var charts = [];
          document.querySelectorAll('.plot[data-chart]').forEach(function (element) {
            var chart = echarts.init(element, null, { renderer: 'svg' });
            chart.setOption(options[element.getAttribute('data-chart')]);
            charts.push(chart);
          });
          window.addEventListener('resize', function () { charts.forEach(function (chart) { chart.resize(); }); });
          document.documentElement.setAttribute('data-charts-drawn', String(charts.length));
        })();

        """;

    private const string Styles = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --band: #f5f7fa; --accent: #0072b2; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
        header, nav, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
        header { padding-top: 24px; }
        h1 { font-size: 26px; margin: 0 0 6px; }
        h2 { font-size: 21px; margin: 36px 0 8px; padding-top: 12px; border-top: 2px solid var(--line); }
        h3 { font-size: 17px; margin: 26px 0 6px; }
        p { margin: 6px 0; }
        .meta, .caption, footer { color: var(--muted); }
        .caption { font-size: 14px; margin: 4px 0 0; }
        nav ol { display: flex; list-style-position: inside; flex-wrap: wrap; gap: 4px 18px; padding: 10px 0 10px 18px; margin: 12px 0 0; border-bottom: 1px solid var(--line); }
        nav a, a { color: var(--accent); text-decoration: none; }
        .table-wrap { overflow-x: auto; margin: 8px 0 14px; }
        table { border-collapse: collapse; font-size: 13.5px; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
        th { background: var(--band); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure.chart { margin: 16px 0 22px; padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
        .chart-title { font-weight: 600; margin-bottom: 4px; }
        .plot { width: 100%; }
        details { margin: 6px 0; }
        summary { cursor: pointer; color: var(--accent); }
        ol.events { margin: 4px 0 10px; padding-left: 22px; font-size: 14px; }
        .kind { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 8px; background: var(--band); color: var(--muted); margin-right: 4px; }
        .evidence h4 { margin: 14px 0 2px; }
        ol.passages { padding-left: 22px; margin: 4px 0 12px; }
        ol.passages li { margin: 6px 0; }
        blockquote.context { margin: 0; padding: 2px 10px; border-left: 3px solid var(--line); }
        mark { background: #ffe08a; padding: 0 1px; }
        ol.open-judgements { font-size: 14px; padding-left: 22px; }
        footer { font-size: 13px; padding: 20px; border-top: 1px solid var(--line); margin-top: 30px; }
        @media print { nav { display: none; } figure.chart { border: none; } }

        """;
}
