using Parley.Core.Domain;

namespace Parley.Core.Tests;

/// <summary>Builds small scenarios for tests: one issue, actors given as (position, salience, capability).</summary>
internal static class TestScenarios
{
    public static Scenario OneIssue(double min, double max, double? statusQuo, params (double Position, double Salience, double Capability)[] actors)
    {
        var issue = new Issue { Id = "issue", Name = "Issue", ScaleMin = min, ScaleMax = max, StatusQuo = statusQuo };
        return new Scenario
        {
            Id = "test",
            Title = "Test",
            Issues = [issue],
            Actors = [.. actors.Select((a, i) => new Actor { Id = $"a{i}", Name = $"Actor {i}", Capability = a.Capability })],
            Stances = [.. actors.Select((a, i) => new Stance { ActorId = $"a{i}", IssueId = "issue", Position = a.Position, Salience = a.Salience })],
        };
    }
}
