using System.Collections.Immutable;

namespace Parley.ExchangeDiff.Tests;

/// <summary>The harness itself, without the reference: generation, shrinking steps and the comparison rule.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void Generate_SameSeedAndIndex_GivesTheSameFile()
    {
        Assert.Equal(ScenarioGenerator.Generate(5, 42).ToDecide(), ScenarioGenerator.Generate(5, 42).ToDecide());
        Assert.NotEqual(ScenarioGenerator.Generate(5, 42).ToDecide(), ScenarioGenerator.Generate(5, 43).ToDecide());
    }

    [Fact]
    public void Generate_ManyScenarios_CoverTheRangesTheIssueAsksFor()
    {
        var scenarios = Enumerable.Range(0, 2000).Select(i => ScenarioGenerator.Generate(1, i)).ToList();

        Assert.All(scenarios, s => Assert.InRange(s.Actors.Length, 2, 20));
        Assert.All(scenarios, s => Assert.InRange(s.Issues.Length, 1, 12));
        Assert.All(scenarios, s => Assert.All(s.Issues, i => Assert.Contains(s.Stances, x => x.Issue == i.Id)));
        Assert.All(scenarios, s => Assert.All(s.Actors, a => Assert.Contains(s.Stances, x => x.Actor == a)));
        Assert.Contains(scenarios, s => s.Actors.Length == 20);
        Assert.Contains(scenarios, s => s.Issues.Length == 12);
        Assert.Contains(scenarios, s => s.Stances.Any(x => x.Salience == 0));
        Assert.Contains(scenarios, s => s.Stances.Length < s.Actors.Length * s.Issues.Length);
        Assert.Contains(scenarios, s => s.Stances.GroupBy(x => (x.Issue, x.Position)).Any(g => g.Count() > 1));
    }

    [Fact]
    public void Shrink_Steps_KeepEveryIssueAndActorWithAStance()
    {
        var scenario = ScenarioGenerator.Generate(3, 7);
        var smaller = scenario.Issues.Select(i => scenario.WithoutIssue(i.Id))
            .Concat(scenario.Actors.Select(scenario.WithoutActor))
            .OfType<GeneratedScenario>();

        Assert.All(smaller, s =>
        {
            Assert.All(s.Issues, i => Assert.Contains(s.Stances, x => x.Issue == i.Id));
            Assert.All(s.Actors, a => Assert.Contains(s.Stances, x => x.Actor == a));
        });
    }

    [Theory]
    [InlineData(0, 100, 41, true)]
    [InlineData(0, 100, 38.9, false)]
    [InlineData(0, 10, 4.09, true)]
    [InlineData(0, 10, 4.2, false)]
    public void IssueRound_WidensTheReferenceRangeByOnePointOfTheScale(double min, double max, double parley, bool inside)
    {
        // The reference's range is 40-40 (or 4-4 on a 0-10 scale): one point is 1 % of the width.
        var width = max - min;
        var round = new IssueRound("i", 1, 0, parley, 0.4 * width, 0.4 * width, width);

        Assert.Equal(inside, round.Inside);
    }

    [Fact]
    public void CaseResult_ReferenceCrash_IsExcludedNotFailed()
    {
        var scenario = ScenarioGenerator.Generate(1, 0);
        ImmutableArray<ReferenceRun> runs = [new ReferenceRun(1, [], [], "decimal.DivisionByZero: [<class 'decimal.DivisionByZero'>]", 0)];

        var result = new Differential(new ReferenceRunner("/nonexistent", TimeSpan.FromSeconds(1)), Path.GetTempPath()).Compare(scenario, "0", runs);

        Assert.Same(ExclusionRule.ReferenceCrash, result.Excluded);
        Assert.False(result.Failed);
    }

    [Fact]
    public void ReferenceRun_BoundaryLog_GivesTheFirstRoundWithAShortCut()
    {
        const string WithoutLog = """{"exchanges_per_round": [3, 2, 4], "model_cpu_s": 0.5, "rounds": [{"voting": {"i1": 40}}, {"voting": {"i1": 41}}, {"voting": {"i1": 42}}]}""";
        var json = WithoutLog[..^1] + """, "boundary": [{"short": 0, "exact": 2, "past": 0, "near": 0}, {"short": 0, "exact": 0, "past": 1, "near": 0}, {"short": 3, "exact": 0, "past": 0, "near": 0}]}""";

        var run = ReferenceRun.FromJson(1, json);

        Assert.True(run.HasBoundaryLog);
        Assert.Equal(3, run.FirstShortRound);
        Assert.Null(ReferenceRun.FromJson(1, json.Replace("\"short\": 3", "\"short\": 0", StringComparison.Ordinal)).FirstShortRound);
        Assert.False(ReferenceRun.FromJson(1, WithoutLog).HasBoundaryLog);
        Assert.Null(ReferenceRun.FromJson(1, WithoutLog).FirstShortRound);
    }

    [Theory]
    [InlineData(null, false, 0)]
    [InlineData(2, false, 3)]
    [InlineData(1, true, 6)]
    public void CaseResult_DecimalLeak_LeavesOutTheRoundsFromTheFirstShortCutOn(int? shortRound, bool countLeftOut, int leftOut)
    {
        // Every reference run puts every issue at the scale's lower end, Parley's outcomes are not
        // there: every issue-round lies outside. One run made a short cut in round shortRound.
        var scenario = ScenarioGenerator.Generate(1, 0);
        var voting = Enumerable.Repeat(scenario.Issues.ToImmutableDictionary(i => i.Id, i => i.Min - (i.Max - i.Min)), 10).ToImmutableArray();
        var log = Enumerable.Range(1, 10).Select(r => r == shortRound ? 1 : 0).ToImmutableArray();
        ImmutableArray<ReferenceRun> runs = [.. Enumerable.Range(1, 5).Select(seed => new ReferenceRun(seed, voting, [.. Enumerable.Repeat(0, 10)], null, 0, seed == 3 ? log : [.. Enumerable.Repeat(0, 10)]))];

        var result = new Differential(new ReferenceRunner("/nonexistent", TimeSpan.FromSeconds(1)), Path.GetTempPath()).Compare(scenario, "0", runs);

        Assert.Equal(shortRound, result.LeakRound);
        Assert.Equal(countLeftOut, result.CountLeaked);
        Assert.Equal(leftOut, result.Leaked.Count());
        Assert.All(result.Leaked, r => Assert.True(r.Round >= shortRound));
        Assert.All(result.Compared, r => Assert.False(r.Inside));
        Assert.Equal(shortRound != 1, result.Failed);
    }
}
