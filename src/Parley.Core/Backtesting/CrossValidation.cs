using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>
/// Grouped k-fold cross-validation of a choice among model configurations: in each fold the
/// configuration with the lowest mean absolute error on the other folds forecasts the held-out
/// fold, so the reported error is what the selection procedure achieves on data it has not seen.
/// </summary>
/// <remarks>
/// Groups (e.g. legislative proposals) never straddle folds: the issues of one proposal share
/// actors and bargaining, and splitting them would leak the outcome of one into the training of
/// another. Groups are numbered in order of first appearance and group g goes to fold g mod k, a
/// deterministic split. Ties between configurations go to the earlier one in the candidate list,
/// so list the simplest first (Hastie, Tibshirani &amp; Friedman 2009, <i>The Elements of
/// Statistical Learning</i>, 2nd ed., §7.10).
/// </remarks>
public static class CrossValidation
{
    private const double Tolerance = 1e-9;

    /// <summary>Cross-validates choosing one of <paramref name="candidates"/> by training error.</summary>
    /// <param name="cases">The cases; their <see cref="BacktestCase.Group"/> keeps related cases in one fold.</param>
    /// <param name="candidates">The configurations to choose from, simplest first.</param>
    /// <param name="folds">Number of folds, at least 2.</param>
    /// <param name="cancellationToken">Stops the run between cases.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 folds, or more folds than groups.</exception>
    /// <exception cref="ArgumentException">No candidates.</exception>
    public static CrossValidationResult GroupedKFold(IReadOnlyList<BacktestCase> cases, IReadOnlyList<BacktestModel> candidates, int folds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Cross-validation needs at least one candidate configuration.", nameof(candidates));
        }

        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var foldOf = new int[cases.Count];
        for (var c = 0; c < cases.Count; c++)
        {
            if (!groupIndex.TryGetValue(cases[c].Group, out var g))
            {
                g = groupIndex.Count;
                groupIndex.Add(cases[c].Group, g);
            }

            foldOf[c] = g % Math.Max(folds, 1);
        }

        if (folds < 2 || folds > groupIndex.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"Use from 2 folds to the number of groups ({groupIndex.Count}).");
        }

        var errors = Backtester.ScoreAll(cases, candidates, null, cancellationToken).Errors;

        // Sum and count of absolute errors per candidate per fold.
        var sums = new double[candidates.Count, folds];
        var counts = new int[candidates.Count, folds];
        for (var m = 0; m < candidates.Count; m++)
        {
            for (var c = 0; c < cases.Count; c++)
            {
                foreach (var error in errors[m][c])
                {
                    sums[m, foldOf[c]] += error.AbsoluteError;
                    counts[m, foldOf[c]]++;
                }
            }
        }

        int Best(int? heldOut)
        {
            var best = 0;
            var bestError = double.PositiveInfinity;
            for (var m = 0; m < candidates.Count; m++)
            {
                double sum = 0;
                var count = 0;
                for (var f = 0; f < folds; f++)
                {
                    if (f != heldOut)
                    {
                        sum += sums[m, f];
                        count += counts[m, f];
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

        var chosen = Enumerable.Range(0, folds).Select(f => Best(f)).ToImmutableArray();
        var outOfFold = ImmutableArray.CreateBuilder<IssueError>();
        for (var c = 0; c < cases.Count; c++)
        {
            outOfFold.AddRange(errors[chosen[foldOf[c]]][c]);
        }

        var heldOutErrors = outOfFold.ToImmutable();
        var candidateErrors = Enumerable.Range(0, candidates.Count)
            .Select(m => Backtester.MeanOrZero(errors[m].SelectMany(e => e).Select(e => e.AbsoluteError).ToArray()))
            .ToImmutableArray();
        return new CrossValidationResult
        {
            Folds = folds,
            Count = heldOutErrors.Length,
            MeanAbsoluteError = Backtester.MeanOrZero(heldOutErrors.Select(e => e.AbsoluteError).ToArray()),
            ChosenPerFold = chosen,
            InSampleBest = Best(null),
            CandidateMeanAbsoluteErrors = candidateErrors,
            Errors = heldOutErrors,
        };
    }
}
