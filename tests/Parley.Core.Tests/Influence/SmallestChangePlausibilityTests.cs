using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Influence;

/// <summary>Issue 12, item 16: the smallest change says when it is knife-edge or beyond the plausible range.</summary>
public sealed class SmallestChangePlausibilityTests
{
    private static IssueInfluence Analyse(Scenario scenario, IModel model) =>
        InfluenceAnalysis.Run(scenario, model, ModelOptions.Default, InfluenceOptions.Default).Issues.Single();

    [Fact]
    public void Median_TwoEqualActors_SalienceChangeIsKnifeEdge_AndSaysSo()
    {
        // Equal weights at 40 and 60: the median is 40, and any increase of b's salience moves it to 60.
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 0.6, 10), (60, 0.6, 10));
        var b = Analyse(scenario, new MedianModel()).Actors.Single(a => a.ActorId == "a1");
        var salience = b.Changes.Single(c => c.Input == "salience");

        Assert.True(salience.IsKnifeEdge);
        Assert.True(salience.Change > 0);
        var text = salience.Describe();
        Assert.Contains("knife-edge: any increase moves it", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(+0)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.6 -> 0.6 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compromise_CapabilityChangeFarBeyondItsRange_IsReportedAsImplausible()
    {
        // A weak actor (capability 2) at 80 against two strong ones at 20 and 50 (forecast 35.9): no
        // position or salience of its own moves the forecast by 5, and a capability that does lies far
        // outside its stated range of 1.5-2.5.
        var scenario = TestScenarios.OneIssue(0, 100, null, (80, 0.5, 2), (20, 0.5, 50), (50, 0.5, 50));
        scenario = scenario with
        {
            Actors = [scenario.Actors[0] with { CapabilityRange = new ValueRange(1.5, 2.5) }, .. scenario.Actors.Skip(1)],
            Stances = [scenario.Stances[0] with { PositionRange = new ValueRange(75, 85) }, .. scenario.Stances.Skip(1)],
        };

        var weak = Analyse(scenario, new CompromiseModel()).Actors.Single(a => a.ActorId == "a0");
        Assert.NotEmpty(weak.Changes);
        Assert.All(weak.Changes, c => Assert.False(c.IsPlausible, c.Describe()));
        Assert.False(weak.HasPlausibleChange);
        var capability = weak.Changes.Single(c => c.Input == "capability");
        Assert.Equal(1.5, capability.PlausibleLow);
        Assert.Equal(2.5, capability.PlausibleHigh);
        Assert.StartsWith("no plausible change; smallest: ", weak.DescribeSmallestChange(), StringComparison.Ordinal);
        Assert.Contains("beyond the plausible", weak.DescribeSmallestChange(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compromise_PositionChangeWithinTheDefaultSpread_IsPlausible()
    {
        // Two equal actors: moving one position by 10 moves the forecast by 5; the default spread is
        // +-10% of the scale (+-10), so the change is at the plausible range's edge.
        var scenario = TestScenarios.OneIssue(0, 100, null, (40, 0.5, 10), (60, 0.5, 10)) with { DefaultSpread = new DefaultSpread(0.15, 0.1, 0.1) };
        var a = Analyse(scenario, new CompromiseModel()).Actors.Single(x => x.ActorId == "a0");
        var position = a.Changes.Single(c => c.Input == "position");
        Assert.Equal(10, Math.Abs(position.Change), 6);
        Assert.True(position.IsPlausible);
        Assert.True(a.HasPlausibleChange);
        Assert.DoesNotContain("plausible", a.DescribeSmallestChange(), StringComparison.Ordinal);
    }
}
