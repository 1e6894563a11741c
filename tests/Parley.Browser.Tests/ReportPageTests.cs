using System.Globalization;
using Microsoft.Playwright;
using Parley.Cli;
using Parley.Tests.Shared;

namespace Parley.Browser.Tests;

/// <summary>
/// Opens reports written by the real <c>parley</c> entry point in headless chromium and checks that
/// every section and every chart rendered, with no console error, and saves a screenshot under the
/// test output (screenshots/).
/// </summary>
public sealed class ReportPageTests(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-browser-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [BrowserFact]
    public async Task AlaskaReport_EverySectionAndChartRenders_WithoutConsoleErrors()
    {
        var path = Path.Combine(folder, "alaska.html");
        var (exit, _, error) = Run("report", "-o", path, "--draws", "2000", "--stages");
        Assert.True(exit == 0, error);

        var page = await Open(path);
        foreach (var section in new[] { "scenario", "forecast", "bargaining", "uncertainty", "stages", "track-record", "influence" })
        {
            Assert.True(await page.Locator($"section#{section}").IsVisibleAsync(), $"section {section} is not shown");
        }

        // Every stance's evidence is in the page: 35 stances in the Alaska scenario.
        Assert.Equal(35, await page.Locator("table.stances tbody tr").CountAsync());
        await AssertChartsDrawn(page, minimumCharts: 7 + 21 + 1 + 14 + 7 + 7);
        foreach (var id in new[] { "forecast-ceasefire", "bargaining-eum-ceasefire", "bargaining-smp-ceasefire", "bargaining-exchange-ceasefire", "exchange-gains-exchange", "uncertainty-ceasefire", "tornado-ceasefire", "stages-recommended", "track-record-ceasefire", "influence-ceasefire" })
        {
            Assert.True(await page.Locator($"figure#{id} .plot svg").CountAsync() == 1, $"chart {id} is missing");
        }

        // The expected utility model's explanations, in sentences.
        var bargaining = await page.Locator("section#bargaining").InnerHTMLAsync();
        Assert.Matches("(gives in to|compromises with|capitulates to)", bargaining);
        await Screenshot(page, "alaska-report.png");
        foreach (var id in new[] { "forecast-ceasefire", "bargaining-eum-ceasefire", "exchange-gains-exchange", "uncertainty-ceasefire", "tornado-ceasefire", "stages-recommended", "influence-ceasefire" })
        {
            await page.Locator($"figure#{id}").ScreenshotAsync(new LocatorScreenshotOptions { Path = ScreenshotPath($"alaska-{id}.png") });
        }

        // The view a reader gets on opening the forecast section (docs/images/report.png is one of these).
        await page.Locator("section#forecast").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.getElementById('forecast').scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("alaska-forecast-section.png") });
        await page.CloseAsync();
    }

    [BrowserFact(NeedsReference = "deu3/deu3-dev.tsv")]
    public async Task Deu3BacktestReport_EveryChartRenders_WithoutConsoleErrors()
    {
        var path = Path.Combine(folder, "deu3.html");
        var (exit, _, error) = Run("backtest", ReferenceData.PathOf("deu3/deu3-dev.tsv"), "--format", "deu", "--models", "compromise,median,nash,recommended", "--report", path);
        Assert.True(exit == 0, error);

        var page = await Open(path);
        foreach (var section in new[] { "accuracy", "errors", "scatter" })
        {
            Assert.True(await page.Locator($"section#{section}").IsVisibleAsync(), $"section {section} is not shown");
        }

        await AssertChartsDrawn(page, minimumCharts: 2 + 4);

        // 180 issues with known outcomes: one marker per issue in each model's scatter.
        var markers = await page.Locator("figure#backtest-scatter-compromise .plot svg path").CountAsync();
        Assert.True(markers >= 180, $"the compromise scatter draws {markers} paths, fewer than its 180 issues");
        await Screenshot(page, "deu3-backtest-report.png");
        await page.CloseAsync();
    }

    [BrowserFact(NeedsReference = "ktab/dummyData-a040.csv")]
    public async Task HistogramQuantileLabels_CloseTogether_DoNotOverlap()
    {
        // P10, P50 and P90 of this scenario lie within 3 points of each other on 0-100 (QA server #24: they read "P1P5P90").
        var path = Path.Combine(folder, "a040.html");
        var (exit, _, error) = Run("report", ReferenceData.PathOf("ktab/dummyData-a040.csv"), "-o", path, "--model", "compromise", "--draws", "200");
        Assert.True(exit == 0, error);

        var page = await Open(path);
        Assert.Empty(problems);
        var boxes = await page.EvaluateAsync<double[][][]>("""
            () => Array.from(document.querySelectorAll('.plot[data-chart^="uncertainty-"]')).map(plot =>
                Array.from(plot.querySelectorAll('svg text')).filter(t => /^P(10|50|90)$/.test(t.textContent.trim())).map(t => {
                    const r = t.getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom];
                }))
            """);
        Assert.NotEmpty(boxes);
        foreach (var chart in boxes)
        {
            Assert.Equal(3, chart.Length);
            for (var i = 0; i < chart.Length; i++)
            {
                for (var j = i + 1; j < chart.Length; j++)
                {
                    var (a, b) = (chart[i], chart[j]);
                    var overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                    Assert.False(overlap, $"quantile labels overlap: [{string.Join(", ", a)}] and [{string.Join(", ", b)}]");
                }
            }
        }

        await page.Locator(".plot[data-chart^=\"uncertainty-\"]").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = ScreenshotPath("a040-uncertainty.png") });
        await page.CloseAsync();
    }

    [BrowserFact(NeedsSeedArticle = true)]
    public async Task DraftReport_ShowsEvidenceInContextAndOpenJudgements_WithoutConsoleErrors()
    {
        var draft = Path.Combine(folder, "draft.yaml");
        var (drafted, _, draftError) = Run("draft", SeedArticle!, "--issues", Path.Combine(RepositoryRoot, "scenarios", "alaska-2025.issues.yaml"), "-o", draft);
        Assert.True(drafted == 0, draftError);
        var path = Path.Combine(folder, "draft.html");
        var (exit, _, error) = Run("report", draft, "-o", path);
        Assert.True(exit == 0, error);

        var page = await Open(path);
        Assert.Empty(problems);
        Assert.True(await page.Locator("section#evidence").IsVisibleAsync(), "the evidence section is not shown");
        Assert.Contains("awaits the analyst", await page.Locator("section#forecast h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("ol.open-judgements li").CountAsync() >= 35, "fewer open judgements than the draft's 35 stances");

        // Every actor x issue of the draft with candidates has its block; every passage marks its quote inside a longer context.
        var blocks = await page.Locator("section#evidence div.evidence").CountAsync();
        Assert.True(blocks >= 20, $"{blocks} actor x issue blocks");
        var passages = await page.EvaluateAsync<string[][]>("() => Array.from(document.querySelectorAll('section#evidence ol.passages li blockquote')).map(q => [q.innerText, q.querySelector('mark').innerText])");
        Assert.True(passages.Length >= 60, $"{passages.Length} passages");
        Assert.All(passages, p => Assert.Contains(p[1], p[0], StringComparison.Ordinal));
        Assert.True(passages.Count(p => p[0].Length > p[1].Length + 20) > passages.Length / 2, "most passages should show words around the quote");

        // Ranked as the draft ranked them: scores fall within each block.
        var scores = await page.EvaluateAsync<double[][]>("() => Array.from(document.querySelectorAll('section#evidence ol.passages')).map(ol => Array.from(ol.querySelectorAll('p.meta')).map(p => parseFloat((p.innerText.match(/score ([0-9.]+)/) || [0, 'NaN'])[1])))");
        Assert.All(scores, block => Assert.Equal(block.OrderByDescending(x => x), block));
        Assert.Contains("characters ", await page.Locator("section#evidence ol.passages p.meta").First.InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("section#evidence").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.getElementById('evidence').scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("draft-evidence-section.png") });
        await page.CloseAsync();
    }

    /// <summary>The repository root (the folder with Parley.slnx).</summary>
    internal static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The seed article beside the repository (<c>../shared/seed</c>), or <c>null</c> when absent.</summary>
    internal static string? SeedArticle =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seed", "alaska-summit-article.txt")) is var path && File.Exists(path) ? path : null;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ParleyApp.Run(args, new CliConsole(output, error, redirected: true, width: 200));
        return (exit, output.ToString(), error.ToString());
    }

    private readonly List<string> problems = [];

    private async Task<IPage> Open(string path)
    {
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, message) => problems.Add($"page error: {message}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");

        // Offline: any request beyond the file itself would fail the test.
        await page.RouteAsync("**/*", route => route.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("html[data-charts-drawn]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return page;
    }

    private async Task AssertChartsDrawn(IPage page, int minimumCharts)
    {
        Assert.Empty(problems);
        var plots = page.Locator(".plot[data-chart]");
        var count = await plots.CountAsync();
        Assert.True(count >= minimumCharts, $"{count} charts, expected at least {minimumCharts}");
        Assert.Equal(count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("html", "data-charts-drawn"));

        // Each chart drew an SVG with marks in it: axes alone are a handful of paths; data add more.
        var marks = await page.EvaluateAsync<int[]>("() => Array.from(document.querySelectorAll('.plot[data-chart]')).map(p => p.querySelectorAll('svg path, svg circle, svg rect').length)");
        var ids = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('.plot[data-chart]')).map(p => p.getAttribute('data-chart'))");
        for (var i = 0; i < marks.Length; i++)
        {
            Assert.True(marks[i] >= 4, $"chart {ids[i]} drew only {marks[i]} marks");
        }

        var empty = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('.plot[data-chart]')).filter(p => p.getBoundingClientRect().height < 100 || !p.querySelector('svg')).length");
        Assert.Equal(0, empty);
    }

    private static string ScreenshotPath(string name)
    {
        var target = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return target;
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var target = ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = target, FullPage = false });
        Assert.True(new FileInfo(target).Length > 10_000, "the screenshot is nearly empty");
    }
}
