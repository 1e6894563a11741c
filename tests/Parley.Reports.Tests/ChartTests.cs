using System.Collections.Immutable;
using System.Text;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Models.ExpectedUtility;
using Parley.Core.Uncertainty;
using Parley.Reports.Charts;
using Parley.Reports.Html;

namespace Parley.Reports.Tests;

public sealed class ChartTests
{
    private static readonly Scenario Scenario = new()
    {
        Id = "s",
        Title = "Three actors </script> & friends",
        Sources = [new Source("news", "A report")],
        Issues =
        [
            new Issue { Id = "x", Name = "Issue X", StatusQuo = 20, Anchors = [new Anchor(0, "nothing"), new Anchor(100, "everything")] },
            new Issue { Id = "y", Name = "Issue Y", ScaleMin = 0, ScaleMax = 1 },
        ],
        Actors =
        [
            new Actor { Id = "a", Name = "Alpha", Capability = 60, Evidence = [new Evidence(EvidenceKind.Quote, "we stand firm <always>", "news")] },
            new Actor { Id = "b", Name = "Beta", Capability = 30 },
            new Actor { Id = "c", Name = "Gamma", Capability = 10 },
        ],
        Stances =
        [
            new Stance { ActorId = "a", IssueId = "x", Position = 10, Salience = 0.9, Evidence = [new Evidence(EvidenceKind.Paraphrase, "Alpha wants little change", "news")] },
            new Stance { ActorId = "b", IssueId = "x", Position = 80, Salience = 0.5, Evidence = [new Evidence(EvidenceKind.AnalystJudgement, "Beta's record")] },
            new Stance { ActorId = "c", IssueId = "x", Position = 100, Salience = 1 },
            new Stance { ActorId = "a", IssueId = "y", Position = 0.2, Salience = 0.5 },
            new Stance { ActorId = "b", IssueId = "y", Position = 0.9, Salience = 0.5 },
        ],
    };

    private static NegotiationReportInput Input(int draws)
    {
        IModel[] models = [new CompromiseModel(), new NashBargainingModel(), new ExpectedUtilityModel()];
        var options = ModelOptions.Default with { Trace = true };
        var compromise = new CompromiseModel();
        return new NegotiationReportInput
        {
            Scenario = Scenario,
            Results = [.. models.Select(m => m.Run(Scenario, options))],
            Uncertainty = draws > 0 ? MonteCarlo.Run(Scenario, compromise, new MonteCarloOptions { Draws = draws, Seed = 3, Threads = 2, HistogramBins = 1000 }) : null,
            Sensitivity = draws > 0 ? Sensitivity.Run(Scenario, compromise, new SensitivityOptions { Draws = draws, Seed = 3, Threads = 2 }) : null,
            Influence = InfluenceAnalysis.Run(Scenario, compromise, ModelOptions.Default, InfluenceOptions.Default with { SearchSmallestChange = false }),
            Command = "test",
        };
    }

    [Fact]
    public void InfluenceChart_SampledShapley_DrawsEachValuesSamplingInterval_ExactDrawsNone()
    {
        var compromise = new CompromiseModel();
        var exact = InfluenceAnalysis.Run(Scenario, compromise, ModelOptions.Default, InfluenceOptions.Default with { SearchSmallestChange = false });
        var sampled = InfluenceAnalysis.Run(Scenario, compromise, ModelOptions.Default, InfluenceOptions.Default with { SearchSmallestChange = false, ExactLimit = 1, Permutations = 40 });

        Assert.All(NegotiationCharts.Influence(Scenario, exact), chart => Assert.DoesNotContain(chart.Series, s => s.Kind == SeriesKind.Interval));
        var charts = NegotiationCharts.Influence(Scenario, sampled);
        Assert.NotEmpty(charts);
        foreach (var (chart, issue) in charts.Zip(sampled.Issues))
        {
            var interval = Assert.Single(chart.Series, s => s.Kind == SeriesKind.Interval);
            Assert.Equal(issue.Actors.Length, interval.Points.Length);
            foreach (var point in interval.Points)
            {
                var actor = issue.Actors[(int)point.Y];
                Assert.Equal(actor.Shapley, (point.X + point.XEnd!.Value) / 2, 9);
                Assert.Equal(2 * 1.96 * actor.ShapleyStandardError!.Value, point.XEnd!.Value - point.X, 9);
            }

            Assert.Contains("standard error", chart.Caption, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NegotiationReport_SameInputs_GiveByteIdenticalHtml()
    {
        var first = NegotiationReport.ToHtml(Input(500));
        var second = NegotiationReport.ToHtml(Input(500));
        Assert.Equal(first, second);
    }

    [Fact]
    public void NegotiationReport_HasEverySectionAndEveryStanceEvidence_Escaped()
    {
        var html = NegotiationReport.ToHtml(Input(300));
        foreach (var section in new[] { "scenario", "forecast", "bargaining", "uncertainty", "influence" })
        {
            Assert.Contains($"<section id=\"{section}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<section id=\"stages\"", html, StringComparison.Ordinal);
        Assert.Contains("Alpha wants little change", html, StringComparison.Ordinal);
        Assert.Contains("analyst judgement: Beta&#39;s record", html, StringComparison.Ordinal);
        Assert.Contains("we stand firm &lt;always&gt;", html, StringComparison.Ordinal);

        // The title's "</script>" is escaped everywhere, so only the page's own three script elements close.
        Assert.Equal(3, CountOf(html, "</script>"));
        // Self-contained: nothing is loaded from elsewhere.
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NegotiationReport_WithoutDraws_LeavesOutTheUncertaintySection()
    {
        var html = NegotiationReport.ToHtml(Input(0));
        Assert.DoesNotContain("<section id=\"uncertainty\"", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"forecast\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecasts_PlaceEachModelAndEachActor_WithTheStatusQuo()
    {
        var input = Input(0);
        var chart = NegotiationCharts.Forecasts(Scenario, input.Results).Single(c => c.Id == "forecast-x");
        Assert.Equal(["compromise", "nash", "eum", "Alpha", "Beta", "Gamma"], chart.Y.Categories.ToArray());
        var actors = chart.Series[0];
        Assert.Equal([10.0, 80, 100], actors.Points.Select(p => p.X));

        // Bubble size grows with capability x salience: Alpha (54) > Beta (15) > Gamma (10).
        Assert.True(actors.Points[0].Size > actors.Points[1].Size && actors.Points[1].Size > actors.Points[2].Size);
        Assert.Equal(input.Results[0].ForIssue("x")!.Forecast, chart.Series[1].Points[0].X);
        Assert.Equal(20, Assert.Single(chart.ReferenceLines).Value);
        Assert.Contains("The status quo is 20.", chart.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecasts_OnAZeroToOneScale_PrintThreeDecimals()
    {
        var result = new CompromiseModel().Run(Scenario, ModelOptions.Default);
        var chart = NegotiationCharts.Forecasts(Scenario, [result]).Single(c => c.Id == "forecast-y");
        // (0.2 x 30 + 0.9 x 15) / 45 = 0.4333...
        Assert.Contains("compromise forecasts 0.433.", chart.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Bargaining_StartsFromTheStancesAndEndsAtTheFinalPositions()
    {
        var result = new ExpectedUtilityModel().Run(Scenario, ModelOptions.Default with { Trace = true });
        var chart = NegotiationCharts.Bargaining(Scenario, result).Single(c => c.Id == "bargaining-eum-x");
        var alpha = chart.Series.Single(s => s.Name == "Alpha");
        Assert.Equal(10, alpha.Points[0].Y);
        var final = result.ForIssue("x")!.Positions.Single(p => p.ActorId == "a").Position;
        Assert.Equal(final, alpha.Points[^1].Y, 9);
        Assert.Equal("outcome", chart.Series[^1].Name);
    }

    [Fact]
    public void HistogramQuantile_InterpolatesWithinTheBin()
    {
        ImmutableArray<HistogramBin> bins = [new(0, 10, 10), new(10, 20, 30), new(20, 30, 60)];
        Assert.Equal(10, NegotiationCharts.HistogramQuantile(bins, 0.1), 9);
        Assert.Equal(20 + (10.0 * 10 / 60), NegotiationCharts.HistogramQuantile(bins, 0.5), 9);
        Assert.Equal(30, NegotiationCharts.HistogramQuantile(bins, 1), 9);
        Assert.True(double.IsNaN(NegotiationCharts.HistogramQuantile([new(0, 1, 0)], 0.5)));
    }

    [Fact]
    public void MergeBins_KeepsEveryCountAndTheEdges()
    {
        var bins = Enumerable.Range(0, 1000).Select(i => new HistogramBin(i / 10.0, (i + 1) / 10.0, i % 7)).ToImmutableArray();
        var merged = NegotiationCharts.MergeBins(bins, 25);
        Assert.Equal(25, merged.Length);
        Assert.Equal(bins.Sum(b => b.Count), merged.Sum(b => b.Count));
        Assert.Equal(0, merged[0].Low);
        Assert.Equal(100, merged[^1].High, 9);
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(1, 3)]
    [InlineData(10, 2)]
    [InlineData(1000, 0)]
    [InlineData(0.1, 4)]
    public void ScaleNumber_Decimals_FitTheScale(double width, int decimals) =>
        Assert.Equal(decimals, ScaleNumber.Decimals(width));

    [Theory]
    [InlineData(0.02, 1, "0.020")]
    [InlineData(61.26, 100, "61.3")]
    [InlineData(-0.0001, 1, "0.000")]
    [InlineData(-0.5, 1, "-0.500")]
    public void ScaleNumber_Fixed_KeepsTheScalesDecimals(double value, double width, string text) =>
        Assert.Equal(text, ScaleNumber.Fixed(value, width));

    [Fact]
    public void EChartsOptions_CategoryBars_FillTheirSlots_AndEscapeScriptText()
    {
        var chart = new ChartSpec
        {
            Id = "c",
            Title = "T",
            Caption = "C",
            X = ChartAxis.Numeric("value"),
            Y = ChartAxis.WithCategories("who", ["a</script>", "b", "c"]),
            Series = [new ChartSeries("s", SeriesKind.Bar, [new ChartPoint(5, 2), new ChartPoint(-1, 0)], "#000000")],
        };
        var json = EChartsOptions.ToJson(chart);
        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        var option = EChartsOptions.ToOption(chart);
        Assert.Equal("[-1,null,5]", option["series"]![0]!["data"]!.ToJsonString());
        Assert.True(option["yAxis"]!["inverse"]!.GetValue<bool>());
    }

    [Fact]
    public void EChartsOptions_LabelledPoints_ShowTheirLabelAlone()
    {
        var chart = new ChartSpec
        {
            Id = "c",
            Title = "T",
            Caption = "C",
            X = ChartAxis.Numeric("value"),
            Y = ChartAxis.Numeric("y"),
            Series =
            [
                new ChartSeries("labelled", SeriesKind.Scatter, [new ChartPoint(69.5673077, 1) { Label = "compromise: 69.6" }], "#000000"),
                new ChartSeries("bare", SeriesKind.Scatter, [new ChartPoint(1, 1)], "#000000"),
            ],
        };

        var option = EChartsOptions.ToOption(chart);

        Assert.Equal("{b}", (string?)option["series"]![0]!["tooltip"]!["formatter"]);
        Assert.Null(option["series"]![1]!["tooltip"]);
    }

    [Fact]
    public void ChartImages_DrawEveryChartAsPngAndSvg()
    {
        foreach (var chart in NegotiationReport.Charts(Input(200)))
        {
            var png = ChartImages.ToPng(chart);
            Assert.True(png.Length > 2000, $"{chart.Id}: PNG of {png.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            var svg = ChartImages.ToSvg(chart);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains(chart.Title.Split(':')[0], svg, StringComparison.Ordinal);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
