using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Backtesting;

public sealed class BacktesterTests
{
    /// <summary>A one-issue case: two equally weighted actors, so compromise forecasts their midpoint.</summary>
    private static BacktestCase Case(string id, string group, double left, double right, double? outcome, double max = 100)
    {
        var scenario = TestScenarios.OneIssue(0, max, null, (left, 1, 1), (right, 1, 1));
        scenario = scenario with { Id = id, Issues = [scenario.Issues[0] with { Outcome = outcome }] };
        return new BacktestCase(id, scenario, group);
    }

    private static readonly BacktestModel Compromise = new(new CompromiseModel(), ModelOptions.Default);
    private static readonly BacktestModel Median = new(new MedianModel(), ModelOptions.Default);

    [Fact]
    public void Run_KnownErrors_GivesMeanMedianAndWithin10()
    {
        // Compromise forecasts 50 each time; errors -10, +20, -45 and one issue without outcome.
        BacktestCase[] cases = [Case("a", "p1", 0, 100, 60), Case("b", "p1", 20, 80, 30), Case("c", "p2", 40, 60, 95), Case("d", "p2", 0, 100, null)];

        var accuracy = Backtester.Run(cases, [Compromise]).Models.Single();

        Assert.Equal(3, accuracy.Count);
        Assert.Equal(25, accuracy.MeanAbsoluteError, 12);
        Assert.Equal(20, accuracy.MedianAbsoluteError, 12);
        Assert.Equal(1.0 / 3, accuracy.Within10, 12);
        Assert.Equal(-35.0 / 3, accuracy.MeanError, 12);
        Assert.Equal(0, accuracy.MeanErrorVsCompromise, 12);
    }

    [Fact]
    public void Run_EvenCount_MedianIsMeanOfMiddleErrors()
    {
        BacktestCase[] cases = [Case("a", "p", 0, 100, 60), Case("b", "p", 0, 100, 80)];

        Assert.Equal(20, Backtester.Run(cases, [Compromise]).Models.Single().MedianAbsoluteError, 12);
    }

    [Fact]
    public void Run_OtherScale_ErrorsAreInPointsOfZeroToHundred()
    {
        // Scale 0-10: forecast 5, outcome 6 is 10 points of 100.
        var accuracy = Backtester.Run([Case("a", "p", 0, 10, 6, max: 10)], [Compromise]).Models.Single();

        Assert.Equal(10, accuracy.MeanAbsoluteError, 12);
        Assert.Equal(1, accuracy.Within10);
    }

    [Fact]
    public void Run_ModelVersusCompromise_IsMeanDifferenceOfAbsoluteErrors()
    {
        // Median picks the lower position (0 or 20); compromise 50.
        BacktestCase[] cases = [Case("a", "p", 0, 100, 10), Case("b", "p", 20, 80, 70)];

        var median = Backtester.Run(cases, [Median]).Models.Single();

        // |0-10| - |50-10| = -30; |20-70| - |50-70| = +30.
        Assert.Equal(0, median.MeanErrorVsCompromise, 12);
        Assert.Equal(0.5, median.BeatsCompromiseShare, 12);
    }

    [Fact]
    public void Run_NoOutcomes_ReportsZeroCountAndNoNaN()
    {
        var accuracy = Backtester.Run([Case("a", "p", 0, 100, null)], [Compromise]).Models.Single();

        Assert.Equal(0, accuracy.Count);
        Assert.Equal(0, accuracy.MeanAbsoluteError);
        Assert.False(double.IsNaN(accuracy.MedianAbsoluteError));
    }

    [Fact]
    public void Run_ManyCases_IsIdenticalRunToRunAndInCaseOrder()
    {
        var cases = Enumerable.Range(0, 300).Select(i => Case($"c{i}", $"g{i / 3}", i % 37, 100 - (i % 11), i % 101)).ToArray();
        BacktestModel[] models = [Compromise, Median, new(new TemperedCompromiseModel(), ModelOptions.Default)];

        var first = Backtester.Run(cases, models);
        var second = Backtester.Run(cases, models);

        for (var m = 0; m < models.Length; m++)
        {
            Assert.Equal(first.Models[m].Errors.Length, second.Models[m].Errors.Length);
            for (var i = 0; i < first.Models[m].Errors.Length; i++)
            {
                Assert.Equal(first.Models[m].Errors[i], second.Models[m].Errors[i]);
            }

            Assert.Equal(cases.Select(c => c.Id), first.Models[m].Errors.Select(e => e.CaseId));
        }
    }

    [Fact]
    public void Run_BadOption_ThrowsModelOptionException()
    {
        var bad = new BacktestModel(new TemperedCompromiseModel(), ModelOptions.Default.WithParameter("salience_exponent", "-1"));

        Assert.Throws<ModelOptionException>(() => Backtester.Run([Case("a", "p", 0, 100, 50), Case("b", "p", 0, 100, 50)], [bad]));
    }

    /// <summary>A model that forecasts <paramref name="value"/> on every issue, to build error patterns by hand.</summary>
    private sealed class FixedModel(double value) : PerIssueModel
    {
        public override ModelInfo Info { get; } = new($"fixed-{value}", "Fixed", "test", "test");

        protected internal override double ForecastIssue(Issue issue, ReadOnlySpan<IssueStance> stances, object? prepared) => value;
    }

    private static BacktestModel Fixed(double value) => new(new FixedModel(value), ModelOptions.Default);

    /// <summary>Two one-issue cases per group, group g with outcome <paramref name="outcome"/>(g).</summary>
    private static BacktestCase[] Groups(int count, Func<int, double> outcome) =>
        [.. Enumerable.Range(0, 2 * count).Select(i => Case($"c{i}", $"g{i / 2}", 0, 100, outcome(i / 2)))];

    [Fact]
    public void Nested_ConsistentGain_ChoosesTheBetterCandidateInEveryFold()
    {
        // Outcomes near 40 in every group: the candidate at 40 is 10 points closer than the baseline at 50 everywhere.
        var cases = Groups(20, g => 40 + (g % 3));

        var result = CrossValidation.Nested(cases, [Fixed(50), Fixed(40)], folds: 5, innerFolds: 5);

        Assert.All(result.FoldChoices, step => Assert.Equal(1, step.Chosen));
        Assert.Equal(1, result.FullData.Chosen);
        Assert.True(result.VersusBaseline.High < 0);
        Assert.Equal(40, result.Count);
        Assert.Equal(cases.Select(c => c.Id), result.Errors.Select(e => e.CaseId));
    }

    [Fact]
    public void Nested_GainNotReliable_KeepsTheBaseline()
    {
        // The candidate at 40 is 10 points better than the baseline at 50 on even groups (outcome
        // 40), 10 worse on half the odd ones (60) and 6 worse on the others (48): a point better
        // on average, the best in training, but its gain does not hold up, so the baseline stays.
        var cases = Groups(24, g => g % 2 == 0 ? 40 : g % 4 == 1 ? 48 : 60);

        var result = CrossValidation.Nested(cases, [Fixed(50), Fixed(40)], folds: 6, innerFolds: 5);

        Assert.Equal(1, result.FullData.Best);
        Assert.Equal(0, result.FullData.Chosen);
        Assert.NotNull(result.FullData.InnerGain);
        Assert.True(result.FullData.InnerGain!.High >= 0);
        Assert.All(result.FoldChoices, step => Assert.Equal(0, step.Chosen));
    }

    [Fact]
    public void Nested_TheHeldOutFoldNeverInfluencesItsOwnChoice()
    {
        // Mixed evidence, then fold 0's outcomes are rewritten to favour the other candidate
        // strongly: fold 0's choice must not move, since it is made without fold 0.
        Func<int, double> mixed = g => g % 3 == 0 ? 60 : 40;
        var original = Groups(30, mixed);
        var rewritten = Groups(30, g => g % 5 == 0 ? 100 : mixed(g));
        BacktestModel[] candidates = [Fixed(50), Fixed(40), Fixed(55)];

        var before = CrossValidation.Nested(original, candidates, folds: 5, innerFolds: 4);
        var after = CrossValidation.Nested(rewritten, candidates, folds: 5, innerFolds: 4);

        Assert.Equal(before.FoldChoices[0], after.FoldChoices[0]);
        Assert.NotEqual(before.FullData.InnerGain, after.FullData.InnerGain);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void Nested_FoldsOutsideTwoToGroupCount_Throw(int folds)
    {
        var cases = Enumerable.Range(0, 40).Select(i => Case($"c{i}", $"g{i / 4}", 0, 100, 50)).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.Nested(cases, [Compromise], folds));
    }

    [Fact]
    public void SplitByIssue_GivesOneCasePerIssueWithAnOutcomeInTheSameGroup()
    {
        var two = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1));
        var issue = two.Issues[0];
        var scenario = two with
        {
            Id = "p",
            Issues = [issue with { Id = "x", Outcome = 10 }, issue with { Id = "y" }, issue with { Id = "z", Outcome = 90 }],
            Stances = [.. new[] { "x", "y", "z" }.SelectMany(id => two.Stances.Select(s => s with { IssueId = id }))],
        };

        var split = new BacktestCase("p", scenario, "g").SplitByIssue();

        Assert.Equal(["p/x", "p/z"], split.Select(c => c.Id));
        Assert.All(split, c => Assert.Equal("g", c.Group));
        Assert.All(split, c => Assert.Single(c.Scenario.Issues));
        Assert.Equal(["x", "x"], split[0].Scenario.Stances.Select(s => s.IssueId));
    }
}
