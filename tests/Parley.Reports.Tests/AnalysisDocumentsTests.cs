using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Models.Smp;
using Parley.Core.Uncertainty;
using Parley.Reports.Charts;

namespace Parley.Reports.Tests;

/// <summary>
/// A stored analysis document read back is the result that wrote it: written again it gives the same bytes, and
/// its charts are the charts of the result itself.
/// </summary>
public sealed class AnalysisDocumentsTests
{
    private static readonly Scenario Scenario = new()
    {
        Id = "trio",
        Title = "Trio",
        Issues =
        [
            new Issue { Id = "x", Name = "X", ScaleMin = 0, ScaleMax = 100, StatusQuo = 30 },
            new Issue { Id = "y", Name = "Y", ScaleMin = 0, ScaleMax = 10 },
        ],
        Actors = [new Actor { Id = "a", Name = "A", Capability = 3 }, new Actor { Id = "b", Name = "B", Capability = 2 }, new Actor { Id = "c", Name = "C", Capability = 1 }],
        Stances =
        [
            new Stance { ActorId = "a", IssueId = "x", Position = 20, Salience = 0.5, PositionRange = new ValueRange(10, 35, 20) },
            new Stance { ActorId = "b", IssueId = "x", Position = 90, Salience = 0.9 },
            new Stance { ActorId = "c", IssueId = "x", Position = 60, Salience = 0.3 },
            new Stance { ActorId = "a", IssueId = "y", Position = 7, Salience = 0.8 },
            new Stance { ActorId = "b", IssueId = "y", Position = 2, Salience = 0.4 },
            new Stance { ActorId = "c", IssueId = "y", Position = 4, Salience = 0.6 },
        ],
    };

    public static TheoryData<string> Models => ["compromise", "smp"];

    private static IModel Model(string id) => id == "smp" ? new SmpModel() : new CompromiseModel();

    [Theory]
    [MemberData(nameof(Models))]
    public void MonteCarlo_ReadBack_WritesTheSameBytes_AndDrawsTheSameCharts(string model)
    {
        var result = MonteCarlo.Run(Scenario, Model(model), new MonteCarloOptions { Draws = 300, Seed = 5 });
        var json = UncertaintyDocument.ToJson(Scenario, result);

        var read = AnalysisDocuments.ReadMonteCarlo(json);

        Assert.Equal(json, UncertaintyDocument.ToJson(Scenario, read));
        Assert.Equal(model == "smp", read.Rounds is not null);
        Assert.Equal(Charts(NegotiationCharts.Distributions(Scenario, result)), Charts(NegotiationCharts.Distributions(Scenario, read)));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Sensitivity_ReadBack_WritesTheSameBytes_AndDrawsTheSameCharts(string model)
    {
        var result = Sensitivity.Run(Scenario, Model(model), new SensitivityOptions { Draws = 40 });
        var json = UncertaintyDocument.ToJson(Scenario, result);

        var read = AnalysisDocuments.ReadSensitivity(json);

        Assert.Equal(json, UncertaintyDocument.ToJson(Scenario, read));
        Assert.NotEmpty(read.Issues[0].Bars);
        Assert.Equal(Charts(NegotiationCharts.Tornadoes(Scenario, result)), Charts(NegotiationCharts.Tornadoes(Scenario, read)));
    }

    [Theory]
    [InlineData(true, 12, "")]
    [InlineData(true, 1, "")]
    [InlineData(true, 12, "salience")]
    [InlineData(false, 12, "")]
    public void Influence_ReadBack_WritesTheSameBytes_AndDrawsTheSameCharts(bool search, int exactLimit, string inputs)
    {
        var options = InfluenceOptions.Default with { SearchSmallestChange = search, ExactLimit = exactLimit, Permutations = 30, Seed = 3 };
        options = inputs.Length == 0 ? options : options with { SearchedInputs = [inputs] };
        var result = InfluenceAnalysis.Run(Scenario, new CompromiseModel(), ModelOptions.Default, options);
        var json = InfluenceDocument.ToJson(Scenario, result);

        var read = AnalysisDocuments.ReadInfluence(json);

        Assert.Equal(json, InfluenceDocument.ToJson(Scenario, read));
        Assert.Equal(search, read.Issues.Any(i => i.Actors.Any(a => !a.Changes.IsEmpty)));
        // The table's words for each actor's smallest change, which the workbench shows, only when searched.
        Assert.Equal(
            search ? result.Issues.SelectMany(i => i.Actors).Select(a => a.DescribeSmallestChange()) : [],
            JsonDocument.Parse(json).RootElement.GetProperty("issues").EnumerateArray()
                .SelectMany(i => i.GetProperty("actors").EnumerateArray())
                .Where(a => a.TryGetProperty("smallest_change", out _))
                .Select(a => a.GetProperty("smallest_change").GetString()));
        Assert.Equal(
            result.Issues.SelectMany(i => i.Actors).Select(a => a.DescribeSmallestChange()),
            read.Issues.SelectMany(i => i.Actors).Select(a => a.DescribeSmallestChange()));
        Assert.Equal(Charts(NegotiationCharts.Influence(Scenario, result)), Charts(NegotiationCharts.Influence(Scenario, read)));
    }

    [Fact]
    public void AnotherAnalysisDocument_IsRefusedAsSuch()
    {
        var influence = InfluenceDocument.ToJson(Scenario, InfluenceAnalysis.Run(Scenario, new CompromiseModel(), ModelOptions.Default, InfluenceOptions.Default with { SearchSmallestChange = false }));

        var error = Assert.Throws<JsonException>(() => AnalysisDocuments.ReadMonteCarlo(influence));
        Assert.StartsWith("not a document of this analysis", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => AnalysisDocuments.ReadInfluence("{\"model\": 3"));
    }

    private static string[] Charts(IEnumerable<ChartSpec> charts) => [.. charts.Select(EChartsOptions.ToJson)];
}
