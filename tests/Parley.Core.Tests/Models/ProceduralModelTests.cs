using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Procedural;
using Parley.Core.Power;

namespace Parley.Core.Tests.Models;

/// <summary>The procedural models on cases worked by hand (docs/models/procedural.md).</summary>
public sealed class ProceduralModelTests
{
    /// <summary>Five voters a0..a4 at 10, 30, 50, 70, 90 and the setter 'com' at <paramref name="setter"/>; status quo <paramref name="statusQuo"/>.</summary>
    private static Scenario Council(double? statusQuo, double setter, DecisionRules rules, params (string Id, double Position)[] others)
    {
        var scenario = TestScenarios.OneIssue(0, 100, statusQuo, (10, 1, 1), (30, 1, 1), (50, 1, 1), (70, 1, 1), (90, 1, 1));
        (string Id, double Position)[] extra = [("com", setter), .. others];
        return scenario with
        {
            Actors = [.. scenario.Actors, .. extra.Select(e => new Actor { Id = e.Id, Name = e.Id })],
            Stances = [.. scenario.Stances, .. extra.Select(e => new Stance { ActorId = e.Id, IssueId = "issue", Position = e.Position, Salience = 1 })],
            Rules = rules with { Voters = ["a0", "a1", "a2", "a3", "a4"], AgendaSetter = "com" },
        };
    }

    private static double? Forecast(IModel model, Scenario scenario) =>
        model.Run(scenario, ModelOptions.Default).ForIssue("issue")?.Forecast;

    private static readonly DecisionRules FourOfFive = new() { Decision = DecisionKind.QualifiedMajority, Quota = 4 };

    [Theory]
    // Reflections of q = 0 in the voters: 20, 60, 100, 140, 180. From the most accepting down,
    // four of five votes are reached at 60, three (simple majority) at 100, all five at 20.
    [InlineData(DecisionKind.QualifiedMajority, 60)]
    [InlineData(DecisionKind.SimpleMajority, 100)]
    [InlineData(DecisionKind.Unanimity, 20)]
    public void Pivot_SetterAbove_ProposesItsBestPointInTheWinSet(DecisionKind decision, double expected)
    {
        var scenario = Council(0, 100, FourOfFive with { Decision = decision });

        Assert.Equal(expected, Forecast(new PivotModel(), scenario)!.Value, 12);
    }

    [Fact]
    public void Pivot_SetterBelow_UsesTheWinSetsLowerEnd()
    {
        // q = 100: reflections 2x - 100 = -80, -40, 0, 40, 80; the fourth vote from below comes at 40.
        Assert.Equal(40, Forecast(new PivotModel(), Council(100, 0, FourOfFive))!.Value, 12);
    }

    [Fact]
    public void Pivot_VetoPlayer_BoundsTheProposalByItsOwnReflection()
    {
        // The Parliament at 25 accepts up to 50 against q = 0, below the Council's 60.
        var scenario = Council(0, 100, FourOfFive with { VetoPlayers = ["ep"] }, ("ep", 25));

        Assert.Equal(50, Forecast(new PivotModel(), scenario)!.Value, 12);
    }

    [Fact]
    public void Pivot_IssueVetoPlayer_BindsOnlyItsIssue()
    {
        var rules = FourOfFive with { IssueVetoPlayers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("other", ImmutableArray.Create("ep"))]) };

        Assert.Equal(60, Forecast(new PivotModel(), Council(0, 100, rules, ("ep", 25)))!.Value, 12);
    }

    [Fact]
    public void Pivot_SetterInsideTheWinSet_GetsItsPosition()
    {
        Assert.Equal(45, Forecast(new PivotModel(), Council(0, 45, FourOfFive))!.Value, 12);
    }

    [Fact]
    public void Pivot_VoterWithoutStance_BlocksNothing()
    {
        var scenario = Council(0, 100, DecisionRules.Unanimous);
        scenario = scenario with { Rules = scenario.Rules! with { Voters = ["a0", "a1", "a2", "a3", "a4", "silent"] } };

        Assert.Equal(20, Forecast(new PivotModel(), scenario)!.Value, 12);
    }

    [Fact]
    public void Pivot_NoStatusQuo_RevertsToTheScaleEndFarthestFromTheProposal()
    {
        // Setter at 100, so the reversion point is 0: as with status quo 0, the outcome is 60.
        Assert.Equal(60, Forecast(new PivotModel(), Council(null, 100, FourOfFive))!.Value, 12);
    }

    [Fact]
    public void PowerCompromise_WeightsBySetterAndVotersShapleyShubikPower()
    {
        // Weights 3, 2, 2 with quota 4: any two voters win. With the setter's consent needed as
        // well, the setter is pivotal when it comes after two voters (half the orders): 1/2; each
        // voter 1/6. Forecast (0 + 30 + 60) / 6 + 100 / 2 = 65.
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (30, 1, 1), (60, 1, 1), (100, 1, 1)) with
        {
            Rules = new DecisionRules
            {
                Decision = DecisionKind.QualifiedMajority,
                Voters = ["a0", "a1", "a2"],
                Weights = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("a0", 3.0), KeyValuePair.Create("a1", 2.0), KeyValuePair.Create("a2", 2.0)]),
                Quota = 4,
                AgendaSetter = "a3",
            },
        };

        Assert.Equal(65, Forecast(new PowerCompromiseModel(), scenario)!.Value, 9);
        Assert.Equal(30, Forecast(new PowerCompromiseModel(), scenario with { Rules = scenario.Rules! with { AgendaSetter = null } })!.Value, 9);
    }

    [Fact]
    public void PowerCompromise_NoRules_IsTheSalienceWeightedMean()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 50), (90, 0.5, 1));

        Assert.Equal(30, Forecast(new PowerCompromiseModel(), scenario)!.Value, 9);
    }

    [Fact]
    public void ShapleyShubik_RequiredPlayers_TakeTheirShare()
    {
        // One voter and one required player: each is needed, each 1/2.
        Assert.Equal(0.5, ShapleyShubik.Compute([1], (size, _) => size == 1, requiredPlayers: 1)[0], 12);

        // Three equal voters, majority, one required player: each voter 1/6 (see above).
        Assert.All(ShapleyShubik.Compute([1, 1, 1], (size, _) => size >= 2, requiredPlayers: 1), index => Assert.Equal(1.0 / 6, index, 12));
    }
}
