using System.Collections.Immutable;
using Parley.Core.Numerics;

namespace Parley.Core.Scoring;

/// <summary>
/// A central prediction interval: the range between the (1 − level)/2 and (1 + level)/2 quantiles
/// of a forecast distribution, e.g. the 5th and 95th percentiles for the 90 % interval.
/// </summary>
/// <remarks>
/// Quantiles follow Parley's one definition, type 7 of Hyndman &amp; Fan (1996)
/// (<see cref="SampleQuantile"/>). The interval is closed: an outcome on a bound is inside, so an
/// ensemble whose draws all equal the outcome covers it. Over many forecasts a calibrated
/// forecaster's level-L intervals hold a share L of the outcomes (Gneiting, Balabdaoui &amp;
/// Raftery 2007, JRSS B 69(2), "calibration and sharpness").
/// </remarks>
/// <param name="Level">The nominal coverage, strictly between 0 and 1 (0.8 for the 80 % interval).</param>
/// <param name="Lower">The (1 − level)/2 quantile.</param>
/// <param name="Upper">The (1 + level)/2 quantile.</param>
public readonly record struct CentralInterval(double Level, double Lower, double Upper)
{
    /// <summary>The levels Parley scores: 50, 80 and 90 %.</summary>
    public static ImmutableArray<double> StandardLevels { get; } = [0.5, 0.8, 0.9];

    /// <summary>The probability of the lower bound, (1 − level)/2.</summary>
    public double LowerProbability => (1 - Level) / 2;

    /// <summary>The probability of the upper bound, (1 + level)/2.</summary>
    public double UpperProbability => (1 + Level) / 2;

    /// <summary>Whether <paramref name="value"/> lies in [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The level-<paramref name="level"/> central interval of the empirical distribution of <paramref name="sorted"/>.</summary>
    /// <param name="sorted">The ensemble in ascending order, finite, at least one member.</param>
    /// <param name="level">Strictly between 0 and 1.</param>
    /// <exception cref="ArgumentException">The ensemble is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static CentralInterval FromSortedEnsemble(ReadOnlySpan<double> sorted, double level)
    {
        RequireLevel(level);
        return new CentralInterval(level, SampleQuantile.Type7(sorted, (1 - level) / 2), SampleQuantile.Type7(sorted, (1 + level) / 2));
    }

    /// <summary>Checks that <paramref name="level"/> is a nominal coverage strictly between 0 and 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void RequireLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "an interval's level is strictly between 0 and 1");
        }
    }
}
