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
    public void Write_ManyRounds_ReachesTheOutputRoundByRoundAndKeepsNonAsciiText()
    {
        var scenario = Scenario with { Title = "Саміт на Алясці — été" };
        var rounds = Enumerable.Range(1, 5).Select(r => (RoundTrace)new SampleRound
        {
            Round = r,
            Issues = [new IssueOutcome("x", r)],
            MovedActors = ["a"],
            Positions = ImmutableDictionary<string, double>.Empty,
        });
        var result = Result with { Rounds = [.. rounds], RoundsRun = 5 };
        using var output = new CountingWriter();

        ForecastDocument.Write(output, scenario, [result]);

        Assert.Equal(ForecastDocument.ToJson(scenario, [result]), output.ToString());
        Assert.True(output.Writes >= 5, $"{output.Writes} writes: the rounds were not written as they went");
        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("Саміт на Алясці — été", document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void TextWriterStream_CharacterSplitAcrossWrites_IsDecodedWhole()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("é€😀");
        using var text = new StringWriter();
        using (var stream = new TextWriterStream(text))
        {
            foreach (var b in bytes)
            {
                stream.Write([b], 0, 1);
            }
        }

        Assert.Equal("é€😀", text.ToString());
    }

    private sealed class CountingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public override void Write(char[] buffer, int index, int count)
        {
            Writes++;
            base.Write(buffer, index, count);
        }
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
