using System.Collections.Immutable;
using CsCheck;
using Parley.Core.Blocs;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Blocs;

public sealed class BlocTransformTests
{
    private static Scenario EuropeScenario()
    {
        Issue issue = new() { Id = "aid", Name = "Aid" };
        Issue other = new() { Id = "trade", Name = "Trade" };
        return new Scenario
        {
            Id = "blocs",
            Title = "Blocs",
            Issues = [issue, other],
            Actors =
            [
                new Actor { Id = "usa", Name = "USA", Capability = 50 },
                new Actor { Id = "deu", Name = "Germany", Capability = 10 },
                new Actor { Id = "fra", Name = "France", Capability = 30 },
                new Actor { Id = "eu", Name = "European allies", Kind = ActorKind.Bloc, Members = ["deu", "fra"] },
            ],
            Stances =
            [
                new Stance { ActorId = "usa", IssueId = "aid", Position = 0, Salience = 1 },
                new Stance { ActorId = "deu", IssueId = "aid", Position = 20, Salience = 0.5 },
                new Stance { ActorId = "fra", IssueId = "aid", Position = 80, Salience = 1 },
                new Stance { ActorId = "usa", IssueId = "trade", Position = 10, Salience = 1 },
                new Stance { ActorId = "eu", IssueId = "trade", Position = 90, Salience = 0.6, Capability = 40 },
            ],
            Stages = [new Stage { Id = "g7", Name = "G7", Participants = ["usa", "fra"] }],
        };
    }

    [Fact]
    public void DeriveStance_SumsCapabilityAndWeightsPositionAndSalience()
    {
        var scenario = EuropeScenario();
        var stance = BlocTransform.DeriveStance(scenario, scenario.FindActor("eu")!, "aid")!;

        // weights 10*0.5 = 5 and 30*1 = 30: position (5*20 + 30*80)/35, salience 35/40, capability 40.
        Assert.Equal(2500.0 / 35, stance.Position, 12);
        Assert.Equal(35.0 / 40, stance.Salience, 12);
        Assert.Equal(40, stance.Capability);
    }

    [Fact]
    public void DeriveStance_BlocsOwnCapabilityWinsOverTheSum()
    {
        var scenario = EuropeScenario();
        var bloc = scenario.FindActor("eu")! with { Capability = 60 };
        scenario = scenario with { Actors = [.. scenario.Actors.Select(a => a.Id == "eu" ? bloc : a)] };

        var stance = BlocTransform.DeriveStance(scenario, bloc, "aid")!;
        Assert.Null(stance.Capability);
        Assert.Equal(60, scenario.CapabilityOf(stance));
        Assert.Equal(2500.0 / 35, stance.Position, 12);
        Assert.Equal(35.0 / 40, stance.Salience, 12);
    }

    [Fact]
    public void DeriveStance_NoMemberStance_IsNull()
    {
        var scenario = EuropeScenario() with { Stances = [.. EuropeScenario().Stances.Where(s => s.IssueId != "aid" || s.ActorId == "usa")] };
        Assert.Null(BlocTransform.DeriveStance(scenario, scenario.FindActor("eu")!, "aid"));
    }

    [Fact]
    public void Merge_ReplacesMembersByTheBlocEverywhere()
    {
        var merged = BlocTransform.Merge(EuropeScenario());

        Assert.Equal(["usa", "eu"], merged.Actors.Select(a => a.Id).ToArray());
        Assert.Empty(merged.FindActor("eu")!.Members);
        Assert.Equal(90, merged.FindStance("eu", "trade")!.Position);
        Assert.Equal(2500.0 / 35, merged.FindStance("eu", "aid")!.Position, 12);
        Assert.Equal(["usa", "eu"], merged.Stages.Single().Participants.ToArray());
    }

    [Fact]
    public void Split_ReplacesTheBlocWhereMembersStandAndKeepsItsOwnStanceElsewhere()
    {
        var split = BlocTransform.Split(EuropeScenario());

        Assert.Null(split.FindStance("eu", "aid"));
        Assert.NotNull(split.FindStance("eu", "trade"));
        Assert.Equal(["usa", "deu", "fra", "eu"], split.Actors.Select(a => a.Id).ToArray());
    }

    [Fact]
    public void Split_StageNamingABlocThatLeavesSeatsItsMembers()
    {
        var scenario = EuropeScenario();
        scenario = scenario with
        {
            Stances = [.. scenario.Stances.Where(s => s.ActorId != "eu")],
            Stages = [new Stage { Id = "summit", Name = "Summit", Participants = ["usa", "eu"] }],
        };

        var split = BlocTransform.Split(scenario);
        Assert.Null(split.FindActor("eu"));
        Assert.Equal(["deu", "fra", "usa"], split.Stages.Single().Participants.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Split_MembersWithoutCapabilityShareTheBlocs()
    {
        var scenario = EuropeScenario();
        scenario = scenario with
        {
            Actors = [.. scenario.Actors.Select(a => a.Id switch
            {
                "deu" or "fra" => a with { Capability = null },
                "eu" => a with { Capability = 60 },
                _ => a,
            })],
        };

        var split = BlocTransform.Split(scenario);
        Assert.Equal(30, split.FindActor("deu")!.Capability);
        Assert.Equal(30, split.FindActor("fra")!.Capability);
    }

    [Fact]
    public void Compromise_SameForecastMergedOrSplit()
    {
        // c_B s_B = Σ c_m s_m and x_B is the members' weighted mean, so the weighted mean cannot change.
        var model = new CompromiseModel();
        ScenarioGen.Scenarios().Sample(scenario =>
        {
            var bloc = new Actor { Id = "bloc", Name = "Bloc", Kind = ActorKind.Bloc, Members = [.. scenario.Actors.Take(2).Select(a => a.Id)] };
            var withBloc = scenario with { Actors = scenario.Actors.Add(bloc) };
            var merged = model.Run(BlocTransform.Merge(withBloc), ModelOptions.Default);
            var split = model.Run(BlocTransform.Split(withBloc), ModelOptions.Default);
            Assert.Equal(withBloc.Actors.Length - 2, BlocTransform.Merge(withBloc).Actors.Length);
            foreach (var forecast in split.Issues)
            {
                Assert.Equal(forecast.Forecast, merged.ForIssue(forecast.IssueId)!.Forecast, 1e-9);
            }
        }, iter: 200);
    }

    [Fact]
    public void Apply_AsWrittenReturnsTheScenarioUnchanged()
    {
        var scenario = EuropeScenario();
        Assert.Same(scenario, BlocTransform.Apply(scenario, BlocMode.AsWritten));
        Assert.Equal(BlocMode.Split, BlocTransform.ParseMode("SPLIT"));
        Assert.Null(BlocTransform.ParseMode("fuse"));
    }

    [Fact]
    public void Merge_MembershipCycleDoesNotLoop()
    {
        var scenario = EuropeScenario();
        scenario = scenario with { Actors = [.. scenario.Actors.Select(a => a.Id == "fra" ? a with { Members = ImmutableArray.Create("eu") } : a)] };
        var merged = BlocTransform.Merge(scenario);
        Assert.Contains(merged.Actors, a => a.Id == "usa");
    }
}
