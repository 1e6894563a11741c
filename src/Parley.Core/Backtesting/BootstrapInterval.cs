using System.Collections.Immutable;
using Parley.Core.Numerics;

namespace Parley.Core.Backtesting;

/// <summary>
/// A percentile bootstrap confidence interval for a model's mean absolute error, or its mean difference to a baseline (Efron &amp;
/// Tibshirani 1993, <i>An Introduction to the Bootstrap</i>, ch. 13), resampling whole groups
/// (<see cref="IssueError.Group"/>, e.g. the issues of one legislative proposal) with
/// replacement, because errors within a group are not independent (the cluster bootstrap,
/// Davison &amp; Hinkley 1997, §3.8).
/// </summary>
/// <param name="Estimate">The statistic on all the data (a mean absolute error, or a mean difference).</param>
/// <param name="Low">The lower bound: the (1 − level)/2 quantile of the resampled statistics.</param>
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
        return ForGroupedMean([.. errors.Select(e => (e.Group, e.AbsoluteError))], level, resamples, seed);
    }

    /// <summary>
    /// The interval of the mean of (|error| − |baseline error|) over the issues both forecast
    /// (paired by case and issue), resampling whole groups: how sure a gain over the baseline is.
    /// Negative values mean <paramref name="errors"/> beat <paramref name="baseline"/>.
    /// </summary>
    /// <param name="errors">A model's scored issues.</param>
    /// <param name="baseline">The baseline's scored issues; issues it did not forecast are left out.</param>
    /// <param name="level">Confidence level, strictly between 0 and 1.</param>
    /// <param name="resamples">Number of resamples, 10 or more.</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <exception cref="ArgumentOutOfRangeException">No issue is in both.</exception>
    public static BootstrapInterval ForMeanDifference(IReadOnlyList<IssueError> errors, IReadOnlyList<IssueError> baseline, double level = 0.95, int resamples = DefaultResamples, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(baseline);
        var reference = new Dictionary<(string, string), double>();
        foreach (var error in baseline)
        {
            reference.TryAdd((error.CaseId, error.IssueId), error.AbsoluteError);
        }

        var differences = new List<(string, double)>(errors.Count);
        foreach (var error in errors)
        {
            if (reference.TryGetValue((error.CaseId, error.IssueId), out var other))
            {
                differences.Add((error.Group, error.AbsoluteError - other));
            }
        }

        return ForGroupedMean(differences, level, resamples, seed);
    }

    /// <summary>
    /// The cluster-bootstrap interval of the mean of <paramref name="values"/>: resample r draws
    /// as many groups as there are, with replacement, from the xoshiro256** stream (<paramref name="seed"/>, r).
    /// </summary>
    /// <param name="values">Each value with its group (at least one value).</param>
    /// <param name="level">Confidence level, strictly between 0 and 1.</param>
    /// <param name="resamples">Number of resamples, 10 or more.</param>
    /// <param name="seed">Seed of the resampling.</param>
    public static BootstrapInterval ForGroupedMean(IReadOnlyList<(string Group, double Value)> values, double level = 0.95, int resamples = DefaultResamples, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count, nameof(values));
        if (!double.IsFinite(level) || level <= 0 || level >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must be a finite number strictly between 0 and 1");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10, nameof(resamples));

        // Each group's sum and size, in order of first appearance.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var sums = new List<double>();
        var counts = new List<int>();
        double total = 0;
        foreach (var (group, value) in values)
        {
            if (!order.TryGetValue(group, out var index))
            {
                index = sums.Count;
                order.Add(group, index);
                sums.Add(0);
                counts.Add(0);
            }

            sums[index] += value;
            counts[index]++;
            total += value;
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
        return new BootstrapInterval(total / values.Count, SampleQuantile.Type7(statistics, (1 - level) / 2), SampleQuantile.Type7(statistics, (1 + level) / 2), level, resamples);
    }

    /// <summary>Whether the interval lies wholly below 0 (a gain that the resampling does not put in doubt).</summary>
    public bool ExcludesZeroBelow => High < 0;
}
