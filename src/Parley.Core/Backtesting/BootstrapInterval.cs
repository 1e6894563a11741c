using System.Collections.Immutable;
using Parley.Core.Numerics;

namespace Parley.Core.Backtesting;

/// <summary>
/// A percentile bootstrap confidence interval for a model's mean absolute error (Efron &amp;
/// Tibshirani 1993, <i>An Introduction to the Bootstrap</i>, ch. 13), resampling whole groups
/// (<see cref="IssueError.Group"/>, e.g. the issues of one legislative proposal) with
/// replacement, because errors within a group are not independent (the cluster bootstrap,
/// Davison &amp; Hinkley 1997, §3.8).
/// </summary>
/// <param name="Estimate">The mean absolute error of all errors.</param>
/// <param name="Low">The lower bound: the (1 − level)/2 quantile of the resampled MAEs.</param>
/// <param name="High">The upper bound: the (1 + level)/2 quantile.</param>
/// <param name="Level">The confidence level, e.g. 0.95.</param>
/// <param name="Resamples">How many resamples the bounds come from.</param>
public sealed record BootstrapInterval(double Estimate, double Low, double High, double Level, int Resamples)
{
    /// <summary>The default number of resamples.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>
    /// The interval of the MAE of <paramref name="errors"/>. Resample r draws its groups from the
    /// xoshiro256** stream (<paramref name="seed"/>, r), so the interval depends only on the errors and the seed.
    /// </summary>
    /// <param name="errors">The scored issues (at least one).</param>
    /// <param name="level">Confidence level, strictly between 0 and 1.</param>
    /// <param name="resamples">Number of resamples, 10 or more.</param>
    /// <param name="seed">Seed of the resampling.</param>
    public static BootstrapInterval ForMeanAbsoluteError(IReadOnlyList<IssueError> errors, double level = 0.95, int resamples = DefaultResamples, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count, nameof(errors));
        if (!double.IsFinite(level) || level <= 0 || level >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must be a finite number strictly between 0 and 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10, nameof(resamples));

        // Each group's sum of absolute errors and its size, in order of first appearance.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var sums = new List<double>();
        var counts = new List<int>();
        foreach (var error in errors)
        {
            if (!order.TryGetValue(error.Group, out var index))
            {
                index = sums.Count;
                order.Add(error.Group, index);
                sums.Add(0);
                counts.Add(0);
            }

            sums[index] += error.AbsoluteError;
            counts[index]++;
        }

        var groups = sums.Count;
        var statistics = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var random = Xoshiro256StarStar.ForStream(seed, (ulong)r);
            double sum = 0;
            long count = 0;
            for (var g = 0; g < groups; g++)
            {
                var pick = (int)(random.NextDouble() * groups);
                sum += sums[pick];
                count += counts[pick];
            }

            statistics[r] = sum / count;
        }

        Array.Sort(statistics);
        var estimate = errors.Average(e => e.AbsoluteError);
        return new BootstrapInterval(estimate, SampleQuantile.Type7(statistics, (1 - level) / 2), SampleQuantile.Type7(statistics, (1 + level) / 2), level, resamples);
    }
}
