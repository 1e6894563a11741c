using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Models.ExpectedUtility;
using Parley.Core.Uncertainty;
using Parley.Reports.Charts;
using Parley.Reports.Html;

namespace Parley.Reports.Tests;

/// <summary>The PNG/SVG images must show every point and bar: nothing of the chart's own is drawn over the data.</summary>
public sealed class ChartImagesTests
{
    private static readonly Scenario Scenario = new()
    {
        Id = "s",
        Title = "Corners",
        Issues = [new Issue { Id = "x", Name = "Issue X", StatusQuo = 10 }],
        Actors =
        [
            new Actor { Id = "a", Name = "Alpha", Capability = 60 },
            new Actor { Id = "b", Name = "Beta", Capability = 30 },
            new Actor { Id = "c", Name = "Gamma", Capability = 10 },
        ],
        Stances =
        [
            // High positions pull the forecasts to the upper right, where a legend inside the plot would sit.
            new Stance { ActorId = "a", IssueId = "x", Position = 95, Salience = 0.9 },
            new Stance { ActorId = "b", IssueId = "x", Position = 100, Salience = 0.5 },
            new Stance { ActorId = "c", IssueId = "x", Position = 5, Salience = 0.2 },
        ],
    };

    private static IEnumerable<ChartSpec> EveryKindOfChart()
    {
        IModel[] models = [new CompromiseModel(), new MedianModel(), new NashBargainingModel(), new ExpectedUtilityModel()];
        var options = ModelOptions.Default with { Trace = true };
        var compromise = new CompromiseModel();
        var input = new NegotiationReportInput
        {
            Scenario = Scenario,
            Results = [.. models.Select(m => m.Run(Scenario, options))],
            Uncertainty = MonteCarlo.Run(Scenario, compromise, new MonteCarloOptions { Draws = 200, Seed = 3, Threads = 1, HistogramBins = 1000 }),
            Sensitivity = Sensitivity.Run(Scenario, compromise, new SensitivityOptions { Draws = 200, Seed = 3, Threads = 1 }),
            Influence = InfluenceAnalysis.Run(Scenario, compromise, ModelOptions.Default, InfluenceOptions.Default with { SearchSmallestChange = false }),
            Command = "test",
        };
        foreach (var chart in NegotiationReport.Charts(input))
        {
            yield return chart;
        }

        // A chart of every series kind with data in all four corners and several legend entries.
        yield return new ChartSpec
        {
            Id = "corners",
            Title = "Corners",
            Caption = "C",
            X = ChartAxis.Numeric("x", 0, 100),
            Y = ChartAxis.Numeric("y", 0, 100),
            Series =
            [
                new ChartSeries("bars", SeriesKind.Bar, [new ChartPoint(95, 100), new ChartPoint(5, 100)], ChartPalette.At(0)) { BarWidth = 8 },
                new ChartSeries("line", SeriesKind.Line, [new ChartPoint(0, 100), new ChartPoint(100, 98)], ChartPalette.At(1)),
                new ChartSeries("interval", SeriesKind.Interval, [new ChartPoint(70, 95) { XEnd = 100 }], ChartPalette.At(2)),
                new ChartSeries("forecast", SeriesKind.Scatter, [new ChartPoint(98, 2), new ChartPoint(98, 98), new ChartPoint(2, 98)], ChartPalette.At(3)) { Emphasised = true, Diamonds = true },
            ],
            ReferenceLines = [new ReferenceLine(true, 10, "status quo 10")],
        };
    }

    public static TheoryData<string> ChartIds() => [.. EveryKindOfChart().Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(ChartIds))]
    public void Legend_IsOutsideTheDataArea(string id)
    {
        var chart = EveryKindOfChart().Single(c => c.Id == id);
        var rendered = ChartImages.Render(chart);

        if (chart.Series.Select(s => s.Name).Distinct().Count() > 1)
        {
            Assert.False(float.IsNaN(rendered.Legend.Left), $"{id}: a chart of several series has a legend");
            // Pixel rows grow downwards: a rectangle's Top is its smallest Y.
            var (legend, data) = (rendered.Legend, rendered.DataArea);
            var overlaps = legend.Left < data.Right && legend.Right > data.Left && legend.Top < data.Bottom && legend.Bottom > data.Top;
            Assert.False(overlaps, $"{id}: legend {legend} overlaps the data area {data}");
            Assert.InRange(legend.Bottom, data.Bottom, 60 + chart.Height + 200);
        }
        else
        {
            Assert.True(float.IsNaN(rendered.Legend.Left), $"{id}: a chart of one series needs no legend");
        }
    }

    [Fact]
    public void RoundAxes_TickAtWholeRoundsOnly_EvenForOneRound()
    {
        // The corners scenario's expected utility run ends after one round: its bargaining chart read 0, 0.05, 0.1, ...
        var rounds = EveryKindOfChart().Where(c => c.X.Integer).ToList();
        Assert.NotEmpty(rounds);
        Assert.Contains(rounds, c => c.X.Max == 1);

        foreach (var chart in rounds)
        {
            var ticks = ChartImages.Render(chart).XTicks;
            Assert.NotEmpty(ticks);
            Assert.All(ticks, label => Assert.True(int.TryParse(label, System.Globalization.CultureInfo.InvariantCulture, out _), $"{chart.Id}: tick '{label}' is not a whole round"));
        }
    }

    [Theory]
    [MemberData(nameof(ChartIds))]
    public void EveryEmphasisedMarker_ShowsItsColourInTheImage(string id)
    {
        var chart = EveryKindOfChart().Single(c => c.Id == id);
        var rendered = ChartImages.Render(chart);
        using var image = new ScottPlot.Image(rendered.Png);
        var rgb = image.GetArrayRGB();
        foreach (var (series, point, pixel) in rendered.Points.Where(p => p.Series.Kind == SeriesKind.Scatter && p.Series.Emphasised))
        {
            var color = ScottPlot.Color.FromHex(series.Color);
            Assert.True(Near(rgb, (int)pixel.X, (int)pixel.Y, color), $"{id}: {series.Name} at ({point.X}, {point.Y}) is hidden at pixel {pixel}");
        }
    }

    /// <summary>Whether a pixel within 3 px of (x, y) has the colour (a reference line may cross the marker's centre).</summary>
    private static bool Near(byte[,,] rgb, int x, int y, ScottPlot.Color color)
    {
        for (var dy = -3; dy <= 3; dy++)
        {
            for (var dx = -3; dx <= 3; dx++)
            {
                var (row, column) = (y + dy, x + dx);
                if (row >= 0 && row < rgb.GetLength(0) && column >= 0 && column < rgb.GetLength(1)
                    && Math.Abs(rgb[row, column, 0] - color.R) <= 8 && Math.Abs(rgb[row, column, 1] - color.G) <= 8 && Math.Abs(rgb[row, column, 2] - color.B) <= 8)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
