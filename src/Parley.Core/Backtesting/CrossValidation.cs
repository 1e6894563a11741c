using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>
/// Honest model selection: a documented procedure chooses one of several candidate models (or
/// configurations) from data, and nested cross-validation grouped by proposal measures what that
/// procedure achieves on data it has not seen.
/// </summary>
/// <remarks>
/// <para><b>The procedure</b>, on a set of training cases: (1) the candidate with the lowest mean
/// absolute error on them is the best (ties go to the earlier candidate, so list the simplest
/// first; Hastie, Tibshirani &amp; Friedman 2009, <i>The Elements of Statistical Learning</i>,
/// 2nd ed., §7.10); (2) the gain of step 1 over the baseline (candidate 0) is measured by an
/// inner grouped k-fold cross-validation of step 1 on the training cases: the per-issue
/// differences |error| − |baseline error| on each inner held-out fold, with a 95 % cluster
/// bootstrap over groups (<see cref="BootstrapInterval.ForGroupedMean"/>); (3) the best candidate
/// is chosen only when that interval lies wholly below zero; otherwise the baseline is kept. The
/// baseline is the default that data must argue us out of, not one candidate among equals.</para>
/// <para><b>Nested cross-validation</b> (Varma &amp; Simon 2006, "Bias in error estimation when
/// using cross-validation for model selection", <i>BMC Bioinformatics</i> 7: 91; Cawley &amp;
/// Talbot 2010, <i>JMLR</i> 11: 2079–2107): the outer folds hold out proposals; the procedure
/// runs on the other folds only, and its choice forecasts the held-out fold. The choice is never
/// made on the fold that scores it.</para>
/// <para>Groups (e.g. legislative proposals) never straddle folds: the issues of one proposal
/// share actors and bargaining. Groups are numbered in order of first appearance and group g
/// goes to fold g mod k, a deterministic split; inner folds number the training groups the same
/// way. The bootstrap uses seed 0, so the whole procedure is deterministic.</para>
/// </remarks>
public static class CrossValidation
{
    /// <summary>The default number of outer and inner folds.</summary>
    public const int DefaultFolds = 10;

    private const double Tolerance = 1e-9;

    /// <summary>Runs every candidate on every case once, then nests the selection procedure in grouped k-fold cross-validation.</summary>
    /// <param name="cases">The cases; their <see cref="BacktestCase.Group"/> keeps related cases in one fold.</param>
    /// <param name="candidates">The candidates, the baseline first, then the simplest first.</param>
    /// <param name="folds">Number of outer folds, from 2 to the number of groups.</param>
    /// <param name="innerFolds">Number of inner folds, 2 or more (fewer when a training set has fewer groups).</param>
    /// <param name="cancellationToken">Stops the run between cases.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 folds, or more folds than groups.</exception>
    /// <exception cref="ArgumentException">No candidates.</exception>
    public static NestedCrossValidationResult Nested(IReadOnlyList<BacktestCase> cases, IReadOnlyList<BacktestModel> candidates, int folds = DefaultFolds, int innerFolds = DefaultFolds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Selection needs at least one candidate, the baseline.", nameof(candidates));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(innerFolds, 2, nameof(innerFolds));
        var groups = GroupNumbers(cases.Select(c => c.Group).ToArray(), Enumerable.Range(0, cases.Count));
        var groupCount = groups.Values.Distinct().Count();
        if (folds < 2 || folds > groupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"Use from 2 folds to the number of groups ({groupCount}).");
        }

        var errors = Backtester.ScoreAll(cases, candidates, null, cancellationToken).Errors;
        return Nested(errors, [.. cases.Select(c => c.Group)], folds, innerFolds);
    }

    /// <summary>
    /// The nested cross-validation of the selection procedure on errors already computed:
    /// <c>errors[candidate][case]</c>, each case in group <c>groups[case]</c>.
    /// </summary>
    public static NestedCrossValidationResult Nested(IReadOnlyList<ImmutableArray<IssueError>[]> errors, IReadOnlyList<string> groups, int folds, int innerFolds)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(groups);
        var all = Enumerable.Range(0, groups.Count).ToArray();
        var outer = GroupNumbers(groups, all);
        var steps = ImmutableArray.CreateBuilder<SelectionStep>(folds);
        var outOfFold = new ImmutableArray<IssueError>[groups.Count];
        for (var f = 0; f < folds; f++)
        {
            var step = Select(errors, groups, [.. all.Where(c => outer[c] % folds != f)], innerFolds);
            steps.Add(step);
            foreach (var c in all.Where(c => outer[c] % folds == f))
            {
                outOfFold[c] = errors[step.Chosen][c];
            }
        }

        var heldOut = outOfFold.SelectMany(e => e).ToImmutableArray();
        var baseline = errors[0].SelectMany(e => e).ToArray();
        return new NestedCrossValidationResult
        {
            Folds = folds,
            InnerFolds = innerFolds,
            Count = heldOut.Length,
            MeanAbsoluteError = Backtester.MeanOrZero(heldOut.Select(e => e.AbsoluteError).ToArray()),
            VersusBaseline = heldOut.IsEmpty ? new BootstrapInterval(0, 0, 0, 0.95, BootstrapInterval.DefaultResamples) : BootstrapInterval.ForMeanDifference(heldOut, baseline),
            FoldChoices = steps.MoveToImmutable(),
            FullData = Select(errors, groups, all, innerFolds),
            CandidateMeanAbsoluteErrors = [.. errors.Select(m => Backtester.MeanOrZero(m.SelectMany(e => e).Select(e => e.AbsoluteError).ToArray()))],
            Errors = heldOut,
        };
    }

    /// <summary>The selection procedure (see the remarks) on the training cases <paramref name="training"/>.</summary>
    public static SelectionStep Select(IReadOnlyList<ImmutableArray<IssueError>[]> errors, IReadOnlyList<string> groups, IReadOnlyList<int> training, int innerFolds)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(training);
        var best = Best(errors, training);
        var inner = GroupNumbers(groups, training);
        var k = Math.Min(innerFolds, inner.Values.Distinct().Count());
        if (k < 2)
        {
            return new SelectionStep(0, best, null);
        }

        var differences = new List<(string, double)>();
        for (var h = 0; h < k; h++)
        {
            var chosen = Best(errors, [.. training.Where(c => inner[c] % k != h)]);
            foreach (var c in training.Where(c => inner[c] % k == h))
            {
                foreach (var error in errors[chosen][c])
                {
                    if (errors[0][c].FirstOrDefault(b => b.IssueId == error.IssueId) is { } reference)
                    {
                        differences.Add((groups[c], error.AbsoluteError - reference.AbsoluteError));
                    }
                }
            }
        }

        if (differences.Count == 0)
        {
            return new SelectionStep(0, best, null);
        }

        var gain = BootstrapInterval.ForGroupedMean(differences);
        return new SelectionStep(gain.ExcludesZeroBelow ? best : 0, best, gain);
    }

    /// <summary>The candidate with the lowest mean absolute error over <paramref name="cases"/>; ties to the earlier.</summary>
    private static int Best(IReadOnlyList<ImmutableArray<IssueError>[]> errors, IReadOnlyList<int> cases)
    {
        var best = 0;
        var bestError = double.PositiveInfinity;
        for (var m = 0; m < errors.Count; m++)
        {
            double sum = 0;
            var count = 0;
            foreach (var c in cases)
            {
                foreach (var error in errors[m][c])
                {
                    sum += error.AbsoluteError;
                    count++;
                }
            }

            var mean = count == 0 ? double.PositiveInfinity : sum / count;
            if (mean < bestError - Tolerance)
            {
                best = m;
                bestError = mean;
            }
        }

        return best;
    }

    /// <summary>Each of <paramref name="cases"/> mapped to its group's number among them, in order of first appearance.</summary>
    private static Dictionary<int, int> GroupNumbers(IReadOnlyList<string> groups, IEnumerable<int> cases)
    {
        var list = cases.ToArray();
        var numbers = GroupNumbers(list.Select(c => groups[c]));
        return list.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => numbers[p.i]);
    }

    /// <summary>
    /// Each of <paramref name="groups"/> numbered by its group's order of first appearance (0, 1, …):
    /// group g goes to fold g mod k in every grouped cross-validation of the backtest.
    /// </summary>
    internal static int[] GroupNumbers(IEnumerable<string> groups)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. groups.Select(group => numbers.TryGetValue(group, out var number) ? number : numbers[group] = numbers.Count)];
    }
}
