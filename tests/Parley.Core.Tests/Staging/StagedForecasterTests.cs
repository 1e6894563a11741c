using System.Collections.Immutable;
using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Staging;

namespace Parley.Core.Tests.Staging;

public sealed class StagedForecasterTests
{
    public static TheoryData<string> ModelIds => [.. ModelCatalog.All.Select(m => m.Info.Id)];

    /// <summary>Forecasts as comparable text: issue, forecast (round-trip) and final positions.</summary>
    internal static string[] Flat(IEnumerable<IssueForecast> forecasts) =>
        [.. forecasts.Select(f => FormattableString.Invariant($"{f.IssueId}={f.Forecast:R} [{string.Join(",", f.Positions.Select(p => FormattableString.Invariant($"{p.ActorId}:{p.Position:R}")))}]"))];

    private static Scenario WithStages(Scenario scenario, params (string Id, string[] Participants)[] stages) =>
        scenario with { Stages = [.. stages.Select(s => new Stage { Id = s.Id, Name = s.Id, Participants = [.. s.Participants] })] };

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void SingleStageWithEveryActor_EqualsUnstagedRun(string modelId)
    {
        var model = ModelCatalog.Find(modelId)!;
        ScenarioGen.Scenarios().Sample(scenario =>
        {
            var plain = model.Run(scenario, ModelOptions.Default);
            var staged = StagedForecaster.Run(WithStages(scenario, ("together", [.. scenario.Actors.Select(a => a.Id)])), model, ModelOptions.Default);
            Assert.Equal(Flat(plain.Issues), Flat(staged.Final));
            Assert.Equal(Flat(plain.Issues), Flat(staged.Stages.Single().Issues));
        }, iter: 60);
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void NoStages_RunsOneImplicitStageEqualToUnstagedRun(string modelId)
    {
        var model = ModelCatalog.Find(modelId)!;
        ScenarioGen.Scenarios().Sample(scenario =>
        {
            var staged = StagedForecaster.Run(scenario, model, ModelOptions.Default);
            Assert.Equal(StagedForecaster.ImplicitStageId, staged.Stages.Single().Stage.Id);
            Assert.Equal(Flat(model.Run(scenario, ModelOptions.Default).Issues), Flat(staged.Final));
        }, iter: 30);
    }

    [Fact]
    public void Compromise_EarlierStagesLeaveTheLastStageUnchanged()
    {
        // A static model without a reference point moves no one, so only the last table counts.
        var model = new CompromiseModel();
        ScenarioGen.Scenarios().Sample(scenario =>
        {
            var ids = scenario.Actors.Select(a => a.Id).ToArray();
            var last = ids.Skip(1).ToArray();
            var staged = StagedForecaster.Run(WithStages(scenario, ("first", ids[..2]), ("last", last)), model, ModelOptions.Default);
            var alone = model.Run(scenario with
            {
                Actors = [.. scenario.Actors.Skip(1)],
                Stances = [.. scenario.Stances.Where(s => s.ActorId != ids[0])],
            }, ModelOptions.Default);
            Assert.Equal(Flat(alone.Issues), Flat(staged.Final));
        }, iter: 100);
    }

    [Fact]
    public void Nash_EarlierStageOutcomeBecomesTheNextStatusQuoAndOrderMatters()
    {
        // Quadratic Nash depends on its disagreement point, so what the first table settles shapes the second.
        var scenario = TestScenarios.OneIssue(0, 100, 0, (20, 1, 1), (100, 1, 1), (70, 1, 1));
        var options = ModelOptions.Default.WithParameter("utility", "quadratic");
        var model = new NashBargainingModel();
        var forward = StagedForecaster.Run(WithStages(scenario, ("one", ["a0", "a1"]), ("two", ["a1", "a2"])), model, options);
        var backward = StagedForecaster.Run(WithStages(scenario, ("two", ["a1", "a2"]), ("one", ["a0", "a1"])), model, options);

        var firstOutcome = forward.Stages[0].Issues.Single().Forecast;
        Assert.Equal(firstOutcome, forward.Stages[1].StatusQuoBefore.Single().Value);
        var secondTable = TestScenarios.OneIssue(0, 100, firstOutcome, (100, 1, 1), (70, 1, 1));
        Assert.Equal(model.Run(secondTable, options).Issues.Single().Forecast, forward.Final.Single().Forecast, 12);
        Assert.NotEqual(forward.Final.Single().Forecast, backward.Final.Single().Forecast, 3);
    }

    [Fact]
    public void DynamicModel_ParticipantsCarryEndPositionsAndLateJoinersStartFromTheirStances()
    {
        var model = new HalfwayModel();
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1), (30, 1, 1));
        var staged = StagedForecaster.Run(WithStages(scenario, ("one", ["a0", "a1"]), ("two", ["a0", "a1", "a2"])), model, ModelOptions.Default);

        // Stage one: mean 50, both move halfway to 25 and 75. Stage two starts from those, a2 from its stance.
        Assert.Equal(50, staged.Stages[0].Issues.Single().Forecast, 12);
        Assert.Equal((25.0 + 75 + 30) / 3, staged.Final.Single().Forecast, 12);
    }

    [Fact]
    public void StaticModel_ParticipantsKeepTheirStancePositions()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1), (30, 1, 1));
        var staged = StagedForecaster.Run(WithStages(scenario, ("one", ["a0", "a1"]), ("two", ["a0", "a1", "a2"])), new CompromiseModel(), ModelOptions.Default);
        Assert.Equal(130.0 / 3, staged.Final.Single().Forecast, 12);
    }

    [Fact]
    public void IssuesNotOnTheTable_KeepTheirStatusQuoUntilAStageTakesThemUp()
    {
        var scenario = ScenarioGen.Build([1, 1], [10, 20, 90, 80], [1, 1, 1, 1], [40, 60]);
        var stages = ImmutableArray.Create(
            new Stage { Id = "first", Name = "First", Participants = ["a0", "a1"], Issues = ["i0"] },
            new Stage { Id = "second", Name = "Second", Participants = ["a0", "a1"] });
        var staged = StagedForecaster.Run(scenario with { Stages = stages }, new NashBargainingModel(), ModelOptions.Default);

        Assert.Null(staged.Stages[0].Result.ForIssue("i1"));
        Assert.Equal(["i0"], staged.Stages[0].IssuesOnTable.ToArray());
        Assert.Equal(60, staged.Stages[1].StatusQuoBefore.Single(p => p.Key == "i1").Value);
        Assert.Equal(staged.Stages[0].Issues.Single().Forecast, staged.Stages[1].StatusQuoBefore.Single(p => p.Key == "i0").Value);
        Assert.Equal(["i0", "i1"], staged.Final.Select(f => f.IssueId));
    }

    [Fact]
    public void StageNamingAModel_RunsThatModel()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (10, 1, 1), (100, 1, 1));
        var stages = ImmutableArray.Create(new Stage { Id = "vote", Name = "Vote", Participants = ["a0", "a1", "a2"], Model = "median" });
        var staged = StagedForecaster.Run(scenario with { Stages = stages }, new CompromiseModel(), ModelOptions.Default);
        Assert.Equal("median", staged.Stages[0].Model.Id);
        Assert.Equal(10, staged.Final.Single().Forecast);
    }

    [Fact]
    public void StageNamingAnUnknownModel_ThrowsOptionErrorListingTheModels()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1));
        var stages = ImmutableArray.Create(new Stage { Id = "vote", Name = "Vote", Participants = ["a0"], Model = "oracle" });
        var error = Assert.Throws<ModelOptionException>(() => StagedForecaster.Run(scenario with { Stages = stages }, new CompromiseModel(), ModelOptions.Default));
        Assert.Contains("stage 'vote'", error.Message, StringComparison.Ordinal);
        Assert.Contains(ModelCatalog.Ids, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlocTakingPart_SeatsItsMembers()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1), (60, 1, 1));
        scenario = scenario with { Actors = scenario.Actors.Add(new Actor { Id = "bloc", Name = "Bloc", Kind = ActorKind.Bloc, Members = ["a1", "a2"] }) };
        var staged = StagedForecaster.Run(WithStages(scenario, ("talks", ["a0", "bloc"])), new CompromiseModel(), ModelOptions.Default);
        Assert.Equal(["a0", "a1", "a2"], staged.Stages[0].Participants.ToArray());
        Assert.Equal(160.0 / 3, staged.Final.Single().Forecast, 12);
    }

    /// <summary>A dynamic test double: forecasts the weighted mean and moves every actor halfway to it.</summary>
    private sealed class HalfwayModel : IModel
    {
        public ModelInfo Info { get; } = new("halfway", "Halfway", "test double", "moves actors halfway to the mean");

        public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default) => new()
        {
            Model = Info,
            Issues = [.. scenario.Issues.Select(issue =>
            {
                var stances = scenario.StancesOn(issue.Id);
                var mean = CompromiseModel.WeightedMean(stances.AsSpan());
                return new IssueForecast
                {
                    IssueId = issue.Id,
                    Forecast = mean,
                    Positions = [.. stances.Select(s => new ActorPosition(s.ActorId, (s.Position + mean) / 2))],
                };
            })],
        };
    }
}
