using System.Collections.Immutable;
using Parley.Core.Scoring;

namespace Parley.Core.Backtesting;

/// <summary>
/// Distribution-free predictive intervals for a model's point forecasts, learned from its
/// backtest errors: split-conformal intervals (Vovk, Gammerman &amp; Shafer 2005, <i>Algorithmic
/// Learning in a Random World</i>; Lei, G'Sell, Rinaldo, Tibshirani &amp; Wasserman 2018,
/// "Distribution-free predictive inference for regression", <i>JASA</i> 113: 1094–1111, §2.2),
/// cross-fitted over folds of proposals so that every proposal is scored by intervals its own
/// errors did not set.
/// </summary>
/// <remarks>
/// <para>For a calibration set of n absolute errors R<sub>i</sub> = |ŷ<sub>i</sub> − y<sub>i</sub>|
/// (points of 0–100) and a level 1 − α, the interval of a new forecast ŷ is
/// [ŷ − q, ŷ + q] with q = R<sub>(k)</sub>, the k-th smallest, k = ⌈(n + 1)(1 − α)⌉ (Lei et al.
/// 2018, Algorithm 2); when k &gt; n, q = ∞. If the calibration errors and the new one are
/// exchangeable, the new outcome lies inside with probability at least 1 − α (and, without
/// ties, at most 1 − α + 1/(n + 1)).</para>
/// <para>The models of the catalog have no parameters fitted to these data, so every error is
/// already out of sample and the proper training split is empty: only the calibration split
/// matters. Errors within a proposal are not independent (shared actors and bargaining), so the
/// unit of exchangeability is the proposal: groups are numbered in order of first appearance
/// and group g goes to fold g mod K, as in <see cref="CrossValidation"/>; the errors of fold f
/// are scored with q computed from the other folds only. This is the cross-conformal
/// construction of Vovk (2015, "Cross-conformal predictors", <i>Annals of Mathematics and
/// Artificial Intelligence</i> 74: 9–28) with a fixed model, equivalent to split conformal
/// repeated K times. The half-width reported for users (<see cref="ConformalLevel.HalfWidth"/>)
/// is q on all the errors.</para>
/// </remarks>
public static class ConformalIntervals
{
    /// <summary>Calibrates intervals from <paramref name="errors"/> and scores them on held-out folds of groups.</summary>
    /// <param name="model">The model's id, for the report.</param>
    /// <param name="errors">The model's scored issues; <see cref="IssueError.Group"/> is the unit held out.</param>
    /// <param name="folds">Number of folds, 2 or more (fewer when there are fewer groups).</param>
    /// <param name="levels">Nominal levels strictly between 0 and 1; default 0.5, 0.8 and 0.9.</param>
    /// <returns>The calibration, or <c>null</c> with fewer than two groups (nothing to hold out).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 folds or a level outside (0, 1).</exception>
    public static ConformalCalibration? Run(string model, IReadOnlyList<IssueError> errors, int folds, IReadOnlyList<double>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2, nameof(folds));
        levels ??= CentralInterval.StandardLevels;
        foreach (var level in levels)
        {
            CentralInterval.RequireLevel(level);
        }

        var foldOf = CrossValidation.GroupNumbers(errors.Select(e => e.Group));
        var k = Math.Min(folds, foldOf.Length == 0 ? 0 : foldOf.Max() + 1);
        if (k < 2)
        {
            return null;
        }

        for (var i = 0; i < foldOf.Length; i++)
        {
            foldOf[i] %= k;
        }

        var absolute = errors.Select(e => e.AbsoluteError).ToArray();
        var sortedAll = absolute.Order().ToArray();
        var calibration = new double[k][];
        for (var f = 0; f < k; f++)
        {
            var fold = f;
            calibration[f] = [.. Enumerable.Range(0, absolute.Length).Where(i => foldOf[i] != fold).Select(i => absolute[i]).Order()];
        }

        var result = ImmutableArray.CreateBuilder<ConformalLevel>(levels.Count);
        foreach (var level in levels.Order())
        {
            var inside = 0;
            double widthSum = 0;
            for (var i = 0; i < absolute.Length; i++)
            {
                var q = HalfWidth(calibration[foldOf[i]], level);
                widthSum += q;
                inside += absolute[i] <= q ? 1 : 0;
            }

            result.Add(new ConformalLevel(level, HalfWidth(sortedAll, level), absolute.Length == 0 ? 0 : widthSum / absolute.Length, inside, absolute.Length));
        }

        return new ConformalCalibration { Model = model, Folds = k, Count = absolute.Length, Levels = result.MoveToImmutable() };
    }

    /// <summary>
    /// The split-conformal half-width of ascending calibration errors <paramref name="sorted"/> at
    /// <paramref name="level"/>: the ⌈(n + 1)·level⌉-th smallest, or ∞ when that rank exceeds n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A level outside (0, 1).</exception>
    public static double HalfWidth(ReadOnlySpan<double> sorted, double level)
    {
        CentralInterval.RequireLevel(level);
        // A small tolerance keeps (n + 1)·level that is an integer in exact arithmetic from rounding up.
        var rank = (int)Math.Ceiling(((sorted.Length + 1) * level) - 1e-9);
        return rank < 1 ? 0 : rank > sorted.Length ? double.PositiveInfinity : sorted[rank - 1];
    }
}
