namespace Parley.Application.Tests;

public sealed class ValidationSummaryTests
{
    [Fact]
    public void For_AScenario_CountsWhatItHolds()
    {
        Assert.Equal("alaska.yaml: valid (15 actors, 7 issues, 35 stances, 3 stages)", ValidationSummary.For("alaska.yaml", BuiltInScenarios.Alaska()));
    }

    [Fact]
    public void For_OneOfAKind_IsSingular()
    {
        var alaska = BuiltInScenarios.Alaska();
        var one = alaska with
        {
            Issues = [alaska.Issues[0]],
            Stances = [.. alaska.Stances.Where(s => s.IssueId == alaska.Issues[0].Id).Take(1)],
            Stages = [],
        };

        Assert.Equal("x: valid (15 actors, 1 issue, 1 stance, 0 stages)", ValidationSummary.For("x", one));
    }
}
