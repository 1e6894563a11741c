namespace Parley.Core.Numerics;

/// <summary>The standard normal distribution's CDF Φ and its inverse, and truncated-normal sampling by inversion.</summary>
public static class NormalDistribution
{
    // ln √(2π)
    private const double LogSqrtTwoPi = 0.91893853320467274178;

    // Beyond |x| = 8.5 the CDF differs from 0 or 1 by less than 1e-17.
    private const double TailCut = 8.5;

    private const double AcklamLow = 0.02425;

    private static readonly double[] AcklamA =
        [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];

    private static readonly double[] AcklamB =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];

    private static readonly double[] AcklamC =
        [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];

    private static readonly double[] AcklamD =
        [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>
    /// Φ(x), the standard normal CDF, to about 1e-15 absolute error.
    /// </summary>
    /// <remarks>
    /// Marsaglia (2004), "Evaluating the normal distribution", <i>Journal of Statistical Software</i>
    /// 11(4): Φ(x) = ½ + φ(x) · (x + x³/3 + x⁵/(3·5) + …), summed until the sum stops changing.
    /// Absolute (not relative) accuracy: far tails lose relative precision, which does not matter
    /// for truncation bounds.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="x"/> is NaN.</exception>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentException("x must not be NaN", nameof(x));
        }

        if (x <= -TailCut)
        {
            return 0;
        }

        if (x >= TailCut)
        {
            return 1;
        }

        double sum = x, previous = 0, term = x, square = x * x, denominator = 1;
        while (sum != previous)
        {
            previous = sum;
            denominator += 2;
            term *= square / denominator;
            sum += term;
        }

        return Math.Clamp(0.5 + (sum * Math.Exp((-0.5 * square) - LogSqrtTwoPi)), 0, 1);
    }

    /// <summary>
    /// Φ⁻¹(p), the standard normal quantile, for p in (0, 1), to a relative error below 1.2e-9.
    /// </summary>
    /// <remarks>
    /// Acklam's rational approximation (P. J. Acklam, "An algorithm for computing the inverse
    /// normal cumulative distribution function", 2003): a central rational function for
    /// 0.02425 ≤ p ≤ 0.97575 and a rational function of √(−2 ln p) in the tails. No refinement
    /// step: for sampling, 1e-9 relative is far below the spread of the draws.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not strictly between 0 and 1.</exception>
    public static double InverseCdf(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be strictly between 0 and 1");
        }

        if (p < AcklamLow)
        {
            return LowerTail(p);
        }

        if (p > 1 - AcklamLow)
        {
            return -LowerTail(1 - p);
        }

        var q = p - 0.5;
        var r = q * q;
        var numerator = (((((AcklamA[0] * r) + AcklamA[1]) * r + AcklamA[2]) * r + AcklamA[3]) * r + AcklamA[4]) * r + AcklamA[5];
        var denominator = (((((AcklamB[0] * r) + AcklamB[1]) * r + AcklamB[2]) * r + AcklamB[3]) * r + AcklamB[4]) * r + 1;
        return numerator * q / denominator;
    }

    /// <summary>
    /// Maps a uniform <paramref name="uniform"/> in (0, 1) to a draw of N(<paramref name="mean"/>,
    /// <paramref name="standardDeviation"/>²) truncated to [<paramref name="low"/>, <paramref name="high"/>]:
    /// <c>x = μ + σ Φ⁻¹(Φ(α) + u (Φ(β) − Φ(α)))</c> with α = (low − μ)/σ, β = (high − μ)/σ.
    /// One uniform per draw, so a stream's consumption does not depend on the values drawn.
    /// Callers sampling the same interval many times should precompute Φ(α), Φ(β) and use
    /// <see cref="SampleTruncated(double, double, double, double, double, double, double)"/>.
    /// </summary>
    public static double SampleTruncated(double uniform, double mean, double standardDeviation, double low, double high) =>
        SampleTruncated(uniform, mean, standardDeviation, low, high,
            Cdf((low - mean) / standardDeviation), Cdf((high - mean) / standardDeviation));

    /// <summary>
    /// As <see cref="SampleTruncated(double, double, double, double, double)"/> with Φ(α) and Φ(β)
    /// given. When the interval holds almost no probability (Φ(β) − Φ(α) &lt; 1e-12, the interval
    /// lies beyond about 7 standard deviations), the draw is uniform on the interval instead.
    /// </summary>
    public static double SampleTruncated(double uniform, double mean, double standardDeviation, double low, double high, double cdfLow, double cdfHigh)
    {
        var mass = cdfHigh - cdfLow;
        if (!(mass >= 1e-12))
        {
            return low + (uniform * (high - low));
        }

        var p = cdfLow + (uniform * mass);
        if (!(p > 0 && p < 1))
        {
            return p <= 0 ? low : high;
        }

        return Math.Clamp(mean + (standardDeviation * InverseCdf(p)), low, high);
    }

    private static double LowerTail(double p)
    {
        var q = Math.Sqrt(-2 * Math.Log(p));
        var numerator = (((((AcklamC[0] * q) + AcklamC[1]) * q + AcklamC[2]) * q + AcklamC[3]) * q + AcklamC[4]) * q + AcklamC[5];
        var denominator = ((((AcklamD[0] * q) + AcklamD[1]) * q + AcklamD[2]) * q + AcklamD[3]) * q + 1;
        return numerator / denominator;
    }
}
