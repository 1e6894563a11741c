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
/// <para>With a normalized <see cref="ConformalScale"/> the scores are |ŷ − y| / s(issue) and the
/// interval is ŷ ± q·s(issue) (Papadopoulos et al. 2002; Lei et al. 2018, §5.2); s comes from the
/// scenario alone, so the argument above holds unchanged.</para>
/// </remarks>
public static class ConformalIntervals
{
    /// <summary>Calibrates plain intervals (one width for every issue) from <paramref name="errors"/> and scores them on held-out folds of groups.</summary>
    /// <param name="model">The model's id, for the report.</param>
    /// <param name="errors">The model's scored issues; <see cref="IssueError.Group"/> is the unit held out.</param>
    /// <param name="folds">Number of folds, 2 or more (fewer when there are fewer groups).</param>
    /// <param name="levels">Nominal levels strictly between 0 and 1; default 0.5, 0.8 and 0.9.</param>
    /// <returns>The calibration, or <c>null</c> with fewer than two groups (nothing to hold out).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 folds or a level outside (0, 1).</exception>
    public static ConformalCalibration? Run(string model, IReadOnlyList<IssueError> errors, int folds, IReadOnlyList<double>? levels = null) =>
        Run(model, errors, folds, ConformalScale.Plain, levels);

    /// <summary>
    /// Calibrates intervals ŷ ± q·s(issue) from <paramref name="errors"/>, the scores |error| / s being
    /// normalized by <paramref name="scale"/> (<see cref="ConformalScale"/>), and scores them on held-out folds of groups.
    /// </summary>
    /// <param name="model">The model's id, for the report.</param>
    /// <param name="errors">The model's scored issues; <see cref="IssueError.Group"/> is the unit held out; a normalized scale needs their <see cref="IssueError.Difficulty"/>.</param>
    /// <param name="folds">Number of folds, 2 or more (fewer when there are fewer groups).</param>
    /// <param name="scale">The difficulty scale s; <see cref="ConformalScale.Plain"/> for one width everywhere.</param>
    /// <param name="levels">Nominal levels strictly between 0 and 1; default 0.5, 0.8 and 0.9.</param>
    /// <returns>The calibration, or <c>null</c> with fewer than two groups (nothing to hold out).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 folds or a level outside (0, 1).</exception>
    /// <exception cref="ArgumentException">A normalized scale and an error whose difficulty was not measured.</exception>
    public static ConformalCalibration? Run(string model, IReadOnlyList<IssueError> errors, int folds, ConformalScale scale, IReadOnlyList<double>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2, nameof(folds));
        levels ??= CentralInterval.StandardLevels;
        foreach (var level in levels)
        {
            CentralInterval.RequireLevel(level);
        }

        if (scale.IsNormalized && errors.Any(e => !double.IsFinite(e.Difficulty)))
        {
            throw new ArgumentException("A normalized scale needs every error's difficulty (IssueError.Difficulty, finite).", nameof(errors));
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

        var scales = errors.Select(e => scale.Of(e.Difficulty)).ToArray();
        var scores = errors.Select((e, i) => e.AbsoluteError / scales[i]).ToArray();
        var sortedAll = scores.Order().ToArray();
        var calibration = new double[k][];
        for (var f = 0; f < k; f++)
        {
            var fold = f;
            calibration[f] = [.. Enumerable.Range(0, scores.Length).Where(i => foldOf[i] != fold).Select(i => scores[i]).Order()];
        }

        var (tercileOf, cuts) = Terciles(errors);
        var result = ImmutableArray.CreateBuilder<ConformalLevel>(levels.Count);
        var strata = ImmutableArray.CreateBuilder<ConformalStratum>();
        foreach (var level in levels.Order())
        {
            var inside = 0;
            double halfWidthSum = 0, widthSum = 0;
            var insideByTercile = new int[3];
            var countByTercile = new int[3];
            for (var i = 0; i < scores.Length; i++)
            {
                var q = HalfWidth(calibration[foldOf[i]], level);
                var halfWidth = q * scales[i];
                halfWidthSum += halfWidth;
                widthSum += Width(errors[i].ForecastPoints, halfWidth);
                var hit = scores[i] <= q ? 1 : 0;
                inside += hit;
                if (tercileOf is not null)
                {
                    insideByTercile[tercileOf[i]] += hit;
                    countByTercile[tercileOf[i]]++;
                }
            }

            var n = scores.Length;
            result.Add(new ConformalLevel(level, HalfWidth(sortedAll, level), n == 0 ? 0 : halfWidthSum / n, inside, n) { MeanHeldOutWidth = n == 0 ? 0 : widthSum / n });
            if (tercileOf is not null)
            {
                for (var t = 0; t < 3; t++)
                {
                    strata.Add(new ConformalStratum(level, t, insideByTercile[t], countByTercile[t]));
                }
            }
        }

        return new ConformalCalibration
        {
            Model = model,
            Folds = k,
            Count = scores.Length,
            Scale = scale,
            Levels = result.MoveToImmutable(),
            DifficultyCuts = cuts,
            ByDifficulty = strata.ToImmutable(),
        };
    }

    /// <summary>
    /// The length of [f − h, f + h] clipped to 0–100 when the forecast f in points is known, else 2h:
    /// the width an analyst sees on the scale.
    /// </summary>
    private static double Width(double forecastPoints, double halfWidth) =>
        double.IsFinite(forecastPoints)
            ? Math.Max(0, Math.Min(100, forecastPoints + halfWidth) - Math.Max(0, forecastPoints - halfWidth))
            : 2 * halfWidth;

    /// <summary>
    /// Each error's tercile of difficulty (0 below the first cut, 1 below the second, else 2; the cuts
    /// are the ⌊n/3⌋-th and ⌊2n/3⌋-th smallest, from 0) and the cuts; <c>null</c> and empty when a difficulty is not measured.
    /// </summary>
    private static (int[]? Tercile, ImmutableArray<double> Cuts) Terciles(IReadOnlyList<IssueError> errors)
    {
        if (errors.Count < 3 || errors.Any(e => !double.IsFinite(e.Difficulty)))
        {
            return (null, []);
        }

        var sorted = errors.Select(e => e.Difficulty).Order().ToArray();
        double low = sorted[sorted.Length / 3], high = sorted[2 * sorted.Length / 3];
        return ([.. errors.Select(e => e.Difficulty < low ? 0 : e.Difficulty < high ? 1 : 2)], [low, high]);
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
