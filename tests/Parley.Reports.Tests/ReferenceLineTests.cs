using Parley.Core.Domain;
using Parley.Core.Models.Baseline;
using Parley.Core.Uncertainty;
using Parley.Reports.Charts;

namespace Parley.Reports.Tests;

/// <summary>Labels of close reference lines (a narrow histogram's P10, P50 and P90) are staggered so that each stays readable.</summary>
public sealed class ReferenceLineTests
{
    private static ReferenceLine[] Quantiles(double p10, double p50, double p90) =>
        [new(true, p10, "P10"), new(true, p50, "P50"), new(true, p90, "P90")];

    [Fact]
    public void Stagger_CloseLines_TakeRowsOfTheirOwn()
    {
        // QA server #24: 61.6, 62.8 and 64.2 on 0-100 read "P1P5P90".
        var staggered = ReferenceLine.Stagger(Quantiles(61.6, 62.8, 64.2), 0, 100);
        Assert.Equal([0, 1, 2], staggered.Select(l => l.Tier));
        Assert.Equal([61.6, 62.8, 64.2], staggered.Select(l => l.Value));
    }

    [Fact]
    public void Stagger_FarApartLines_StayInTheFirstRow() =>
        Assert.All(ReferenceLine.Stagger(Quantiles(20, 50, 80), 0, 100), l => Assert.Equal(0, l.Tier));

    [Fact]
    public void Stagger_ReusesTheLowestFreeRow_AndKeepsTheGivenOrder()
    {
        // P10 and P90 are far apart, P50 close to P10: only P50 goes up.
        var staggered = ReferenceLine.Stagger([new(true, 70, "P90"), new(true, 10, "P10"), new(true, 12, "P50")], 0, 100);
        Assert.Equal(["P90", "P10", "P50"], staggered.Select(l => l.Label));
        Assert.Equal([0, 0, 1], staggered.Select(l => l.Tier));
    }

    [Fact]
    public void Stagger_OnAZeroToOneScale_ScalesTheLabelWidth() =>
        Assert.Equal([0, 1, 2], ReferenceLine.Stagger(Quantiles(0.616, 0.628, 0.642), 0, 1).Select(l => l.Tier));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    public void Stagger_InvalidAxis_Throws(double min, double max) =>
        Assert.Throws<ArgumentException>(() => ReferenceLine.Stagger(Quantiles(0.1, 0.2, 0.3), min, max));

    [Fact]
    public void UncertaintyChart_NarrowDistribution_StaggersItsQuantileLabels_InBothRenderers()
    {
        var scenario = new Scenario
        {
            Id = "n",
            Title = "Narrow",
            Issues = [new Issue { Id = "x", Name = "Issue X" }],
            Actors = [new Actor { Id = "a", Name = "Alpha", Capability = 1 }, new Actor { Id = "b", Name = "Beta", Capability = 1 }],
            Stances =
            [
                new Stance { ActorId = "a", IssueId = "x", Position = 62, Salience = 1, PositionRange = new ValueRange(61, 63) },
                new Stance { ActorId = "b", IssueId = "x", Position = 63, Salience = 1, PositionRange = new ValueRange(62, 64) },
            ],
        };
        var result = MonteCarlo.Run(scenario, new CompromiseModel(), new MonteCarloOptions { Draws = 400, Seed = 1, Threads = 1, HistogramBins = 1000 });
        var chart = Assert.Single(NegotiationCharts.Distributions(scenario, result));

        Assert.Equal(3, chart.ReferenceLines.Select(l => l.Tier).Distinct().Count());
        var option = EChartsOptions.ToOption(chart);
        var labels = option["series"]!.AsArray().Last()!["markLine"]!["data"]!.AsArray();
        Assert.Equal([null, 19, 33], labels.Select(l => (int?)l!["label"]!["distance"]).OrderBy(d => d ?? 0));
        Assert.Equal(20 + (2 * 14), (int)option["grid"]!["top"]!);
    }
}
