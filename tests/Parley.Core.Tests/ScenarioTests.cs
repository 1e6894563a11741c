using Parley.Core.Domain;

namespace Parley.Core.Tests;

public sealed class ScenarioTests
{
    [Fact]
    public void With_NewActorsOrStances_DropsStaleLookups()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (10, 1, 2), (20, 1, 3));
        Assert.Equal(2, scenario.CapabilityOf(scenario.FindStance("a0", "issue")!));

        var changed = scenario with
        {
            Actors = [.. scenario.Actors.Select(a => a with { Capability = 7 })],
            Stances = [.. scenario.Stances.Select(s => s with { Position = 50 })],
        };

        Assert.Equal(7, changed.CapabilityOf(changed.FindStance("a0", "issue")!));
        Assert.Equal(50, changed.FindStance("a1", "issue")!.Position);
        Assert.Equal(2, scenario.CapabilityOf(scenario.FindStance("a0", "issue")!));
    }

    [Fact]
    public void StancesOn_ResolvesCapabilityFromStanceThenActorThenOne()
    {
        var scenario = new Scenario
        {
            Id = "s",
            Title = "S",
            Issues = [new Issue { Id = "x", Name = "X" }],
            Actors = [new Actor { Id = "a", Name = "A", Capability = 5 }, new Actor { Id = "b", Name = "B" }, new Actor { Id = "c", Name = "C", Capability = 5 }],
            Stances =
            [
                new Stance { ActorId = "a", IssueId = "x", Position = 1, Salience = 1 },
                new Stance { ActorId = "b", IssueId = "x", Position = 2, Salience = 1 },
                new Stance { ActorId = "c", IssueId = "x", Position = 3, Salience = 1, Capability = 9 },
            ],
        };

        Assert.Equal([5.0, 1.0, 9.0], scenario.StancesOn("x").Select(s => s.Capability));
    }
}
