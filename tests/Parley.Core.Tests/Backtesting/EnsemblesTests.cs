using Parley.Core.Backtesting;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Backtesting;

public sealed class EnsemblesTests
{
    private static readonly BacktestModel Compromise = new(new CompromiseModel(), ModelOptions.Default);
    private static readonly BacktestModel Median = new(new MedianModel(), ModelOptions.Default);

    /// <summary>One-issue case: actors at 0 and 100 (compromise 50, median 0), outcome given.</summary>
    private static BacktestCase Case(string id, string group, double outcome)
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1));
        return new BacktestCase(id, scenario with { Id = id, Issues = [scenario.Issues[0] with { Outcome = outcome }] }, group);
    }

    private static EnsembleResult Evaluate(BacktestCase[] cases, EnsembleRule rule)
    {
        var result = Backtester.Run(cases, [Compromise, Median]);
        return Ensembles.Evaluate(cases, result, 2).Single(e => e.Rule == rule);
    }

    [Fact]
    public void LeastSquaresWeights_OppositeErrors_CancelAtEqualWeights()
    {
        double[] errors = [3, -7, 12, 1, -4];

        var weights = Ensembles.LeastSquaresWeights([errors, [.. errors.Select(e => -e)]]);

        Assert.Equal(0.5, weights[0], 6);
        Assert.Equal(0.5, weights[1], 6);
    }

    [Fact]
    public void LeastSquaresWeights_ExactMember_TakesAllTheWeight()
    {
        var weights = Ensembles.LeastSquaresWeights([[10, -10, 20], [0, 0, 0], [5, 5, -5]]);

        Assert.Equal([0, 1, 0], weights.Select(w => Math.Round(w, 4)));
    }

    [Fact]
    public void ProjectOntoSimplex_IsNonNegativeAndSumsToOne()
    {
        Assert.Equal([0.45, 0.55], Ensembles.ProjectOntoSimplex([0.2, 0.3]).Select(w => Math.Round(w, 12)));
        Assert.Equal([1, 0], Ensembles.ProjectOntoSimplex([3, -1]));
    }

    [Fact]
    public void Evaluate_ChoiceOfAFold_DependsOnlyOnTheOtherFolds()
    {
        // Groups g0..g5; with 2 folds, g0, g2, g4 form fold 0 and g1, g3, g5 fold 1.
        double[] outcomes = [60, 10, 55, 5, 45, 20];
        BacktestCase[] cases = [.. outcomes.Select((o, g) => Case($"c{g}", $"g{g}", o))];
        // The same data with fold 0's outcomes changed (now all at the median's 0).
        BacktestCase[] changed = [.. outcomes.Select((o, g) => Case($"c{g}", $"g{g}", g % 2 == 0 ? 0 : o))];

        var before = Evaluate(cases, EnsembleRule.InverseMae);
        var after = Evaluate(changed, EnsembleRule.InverseMae);

        Assert.Equal(before.FoldChoices[0], after.FoldChoices[0]);   // fitted on fold 1 only
        Assert.NotEqual(before.FoldChoices[1], after.FoldChoices[1]); // fitted on fold 0, which changed
        Assert.Equal(["compromise", "median"], before.Members.ToArray());
    }

    [Fact]
    public void Evaluate_HeldOutErrorIsTheWeightedErrorOfTheMembers()
    {
        // Fold 0 (g0, g2): outcomes 50 → compromise exact; fold 1 (g1, g3): outcomes 0 → median exact.
        BacktestCase[] cases = [Case("a", "g0", 50), Case("b", "g1", 0), Case("c", "g2", 50), Case("d", "g3", 0)];

        var bySelection = Evaluate(cases, EnsembleRule.LeastSquares);

        // Fold 0 is scored with the weights of fold 1, where median is exact: weight 1 on median, error -50.
        Assert.Equal(-50, bySelection.Errors[0].Error, 4);
        Assert.Equal(0, bySelection.Errors[0].Forecast, 4);
        // Fold 1 is scored with fold 0's weights (compromise): error +50. Every forecast misses by 50.
        Assert.Equal(50, bySelection.MeanAbsoluteError, 4);
        Assert.Equal(25, bySelection.VersusCompromise.Estimate, 4);
    }

    [Fact]
    public void Evaluate_SameInput_SameResult()
    {
        BacktestCase[] cases = [.. Enumerable.Range(0, 8).Select(g => Case($"c{g}", $"g{g}", g * 11 % 100))];

        var first = Ensembles.Evaluate(cases, Backtester.Run(cases, [Compromise, Median]), 4);
        var second = Ensembles.Evaluate(cases, Backtester.Run(cases, [Compromise, Median]), 4);

        Assert.Equal(first.Select(e => (e.Name, e.MeanAbsoluteError, string.Join("|", e.FoldChoices))), second.Select(e => (e.Name, e.MeanAbsoluteError, string.Join("|", e.FoldChoices))));
    }

    [Fact]
    public void Evaluate_DuplicateForecasts_AreOneMember()
    {
        BacktestCase[] cases = [.. Enumerable.Range(0, 4).Select(g => Case($"c{g}", $"g{g}", 30))];
        var tempered = new BacktestModel(new TemperedCompromiseModel(), ModelOptions.Default);

        Assert.Empty(Ensembles.Evaluate(cases, Backtester.Run(cases, [Compromise, tempered]), 2));
    }
}
