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

    [Fact]
    public void GroupedKFold_NeverSplitsAGroupAndPicksTheBetterCandidate()
    {
        // Outcomes sit at the lower position: median (lower) beats compromise (midpoint) everywhere.
        var cases = Enumerable.Range(0, 40).Select(i => Case($"c{i}", $"g{i / 4}", i % 30, 70 + (i % 30), i % 30)).ToArray();

        var result = CrossValidation.GroupedKFold(cases, [Compromise, Median], 5);

        Assert.Equal(40, result.Count);
        Assert.All(result.ChosenPerFold, chosen => Assert.Equal(1, chosen));
        Assert.Equal(1, result.InSampleBest);
        Assert.Equal(0, result.MeanAbsoluteError, 12);
        Assert.Equal(cases.Select(c => c.Id), result.Errors.Select(e => e.CaseId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void GroupedKFold_FoldsOutsideTwoToGroupCount_Throw(int folds)
    {
        var cases = Enumerable.Range(0, 40).Select(i => Case($"c{i}", $"g{i / 4}", 0, 100, 50)).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.GroupedKFold(cases, [Compromise], folds));
    }
}
