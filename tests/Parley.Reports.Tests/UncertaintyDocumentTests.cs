using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models.Baseline;
using Parley.Core.Uncertainty;

namespace Parley.Reports.Tests;

public sealed class UncertaintyDocumentTests
{
    private static readonly Scenario Scenario = new()
    {
        Id = "pair",
        Title = "Pair",
        Issues = [new Issue { Id = "x", Name = "X", ScaleMin = 0, ScaleMax = 10 }],
        Actors = [new Actor { Id = "a", Name = "A", Capability = 2 }, new Actor { Id = "b", Name = "B", Capability = 1 }],
        Stances =
        [
            new Stance { ActorId = "a", IssueId = "x", Position = 2, Salience = 0.5, PositionRange = new ValueRange(1, 4, 1) },
            new Stance { ActorId = "b", IssueId = "x", Position = 9, Salience = 1 },
        ],
    };

    [Fact]
    public void MonteCarlo_WritesSnakeCaseFieldsAndTheIssueScale()
    {
        var result = MonteCarlo.Run(Scenario, new CompromiseModel(), new MonteCarloOptions { Draws = 100, HistogramBins = 5 });
        using var document = JsonDocument.Parse(UncertaintyDocument.ToJson(Scenario, result));
        var root = document.RootElement;
        Assert.Equal("compromise", root.GetProperty("model").GetString());
        Assert.Equal(100, root.GetProperty("draws").GetInt32());
        var issue = Assert.Single(root.GetProperty("issues").EnumerateArray().ToList());
        Assert.Equal(("x", "X", 10.0), (issue.GetProperty("issue_id").GetString(), issue.GetProperty("name").GetString(), issue.GetProperty("max").GetDouble()));
        Assert.Equal(5, issue.GetProperty("histogram").GetArrayLength());
        Assert.Equal(0.5, issue.GetProperty("quantiles")[2].GetProperty("probability").GetDouble());
        var input = root.GetProperty("inputs").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "position");
        Assert.Equal(1, input.GetProperty("standard_deviation").GetDouble());
        Assert.False(input.GetProperty("from_default_spread").GetBoolean());
    }

    [Fact]
    public void MonteCarlo_CancelledBeforeAnyDraw_IsValidJsonMarkedPartial()
    {
        var result = MonteCarlo.Run(Scenario, new CompromiseModel(), new MonteCarloOptions { Draws = 100 }, new CancellationToken(canceled: true));
        using var document = JsonDocument.Parse(UncertaintyDocument.ToJson(Scenario, result));
        Assert.True(document.RootElement.GetProperty("partial").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public void Sensitivity_WritesBarsWithTheirInputs()
    {
        var result = Sensitivity.Run(Scenario, new CompromiseModel(), new SensitivityOptions { Draws = 200 });
        using var document = JsonDocument.Parse(UncertaintyDocument.ToJson(Scenario, result));
        var bars = document.RootElement.GetProperty("issues")[0].GetProperty("bars");
        Assert.Equal(result.Issues[0].Bars.Length, bars.GetArrayLength());
        Assert.Equal(result.Issues[0].Bars[0].Input.Label, bars[0].GetProperty("input").GetProperty("label").GetString());
        Assert.True(bars[0].GetProperty("swing").GetDouble() > 0);
    }
}
