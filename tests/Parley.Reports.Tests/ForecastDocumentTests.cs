using System.Collections.Immutable;
using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Reports;

namespace Parley.Reports.Tests;

public sealed class ForecastDocumentTests
{
    private sealed record SampleRound : RoundTrace
    {
        public required ImmutableArray<string> MovedActors { get; init; }

        public required ImmutableDictionary<string, double> Positions { get; init; }

        public override IEnumerable<string> Describe() => MovedActors.Select(a => $"{a} moves");
    }

    private sealed record SampleDetails(double WinningProbability) : ModelDetails;

    private static readonly Scenario Scenario = new()
    {
        Id = "s",
        Title = "S",
        Issues = [new Issue { Id = "x", Name = "X", ScaleMin = 0, ScaleMax = 10, Anchors = [new Anchor(0, "none"), new Anchor(10, "all")] }],
    };

    private static readonly ModelResult Result = new()
    {
        Model = new ModelInfo("m", "Model", "Author (2000)", "Does things."),
        Issues = [new IssueForecast { IssueId = "x", Forecast = 7.25, Positions = [new ActorPosition("a", 7), new ActorPosition("b", 7.5)] }],
        RoundsRun = 1,
        Converged = true,
        Rounds =
        [
            new SampleRound
            {
                Round = 1,
                Issues = [new IssueOutcome("x", 7.25)],
                MovedActors = ["a"],
                Positions = ImmutableDictionary<string, double>.Empty.Add("b", 7.5).Add("a", 7),
            },
        ],
        Details = new SampleDetails(0.75),
    };

    [Fact]
    public void ToJson_DerivedTraceRecords_KeepTheirFieldsInSnakeCase()
    {
        using var document = JsonDocument.Parse(ForecastDocument.ToJson(Scenario, [Result]));
        var forecast = document.RootElement.GetProperty("forecasts")[0];

        Assert.Equal(1, forecast.GetProperty("rounds_run").GetInt32());
        Assert.True(forecast.GetProperty("converged").GetBoolean());
        var issue = forecast.GetProperty("issues")[0];
        Assert.Equal(7.25, issue.GetProperty("forecast").GetDouble());
        Assert.Equal("all", issue.GetProperty("nearest_anchor").GetProperty("label").GetString());
        Assert.Equal(7.5, issue.GetProperty("positions").GetProperty("b").GetDouble());
        var round = forecast.GetProperty("rounds")[0];
        Assert.Equal(1, round.GetProperty("round").GetInt32());
        Assert.Equal("x", round.GetProperty("issues")[0].GetProperty("id").GetString());
        Assert.Equal(7.25, round.GetProperty("issues")[0].GetProperty("outcome").GetDouble());
        Assert.Equal("a", round.GetProperty("moved_actors")[0].GetString());
        Assert.Equal(7, round.GetProperty("positions").GetProperty("a").GetDouble());
        Assert.Equal(0.75, forecast.GetProperty("details").GetProperty("winning_probability").GetDouble());
    }

    [Fact]
    public void ToJson_HashOrderedMaps_AreWrittenInOrdinalKeyOrder()
    {
        var json = ForecastDocument.ToJson(Scenario, [Result]);
        var rounds = json[json.IndexOf("\"rounds\"", StringComparison.Ordinal)..];
        Assert.True(rounds.IndexOf("\"a\": 7", StringComparison.Ordinal) < rounds.IndexOf("\"b\": 7.5", StringComparison.Ordinal));
    }

    [Fact]
    public void ToJson_StaticModel_OmitsRoundFields()
    {
        var staticResult = Result with { Rounds = [], RoundsRun = 0, Converged = null, Details = null };
        using var document = JsonDocument.Parse(ForecastDocument.ToJson(Scenario, [staticResult]));
        var forecast = document.RootElement.GetProperty("forecasts")[0];

        Assert.False(forecast.TryGetProperty("rounds", out _));
        Assert.False(forecast.TryGetProperty("rounds_run", out _));
        Assert.False(forecast.TryGetProperty("details", out _));
    }
}
