namespace Parley.Core.Numerics;

/// <summary>
/// Powers of two that bring a set of values near 1 without rounding. Multiplying a normal double
/// by 2ᵏ only changes its exponent, so sums, products and ratios of scaled values round exactly as
/// those of the originals would (rounding commutes with scaling by a power of two): a computation
/// on scaled values gives the same bits as on the originals whenever the originals do not
/// overflow, and stays finite when they would (two capabilities of 10³⁰⁸ sum to infinity; scaled,
/// to about 1).
/// </summary>
public static class ExactScale
{
    // Keeps the factor itself a normal double (2^±1020), so one multiplication applies it.
    private const int MaxExponent = 1020;

    /// <summary>
    /// The factor 2⁻ᵉ, e even, that puts <paramref name="largestMagnitude"/> in [0.25, 1); 1 when
    /// it is 0, NaN or infinite. An even exponent keeps square roots exact too:
    /// √(x·4⁻ᵏ) = √x·2⁻ᵏ.
    /// </summary>
    /// <param name="largestMagnitude">The largest absolute value of the set to scale.</param>
    public static double FactorFor(double largestMagnitude)
    {
        if (!(largestMagnitude > 0) || !double.IsFinite(largestMagnitude))
        {
            return 1.0;
        }

        var exponent = Math.ILogB(largestMagnitude) + 1;
        exponent += exponent & 1;
        return Math.ScaleB(1.0, -Math.Clamp(exponent, -MaxExponent, MaxExponent));
    }

    /// <summary>The factor for the largest absolute value in <paramref name="values"/> (see <see cref="FactorFor(double)"/>).</summary>
    public static double FactorFor(ReadOnlySpan<double> values)
    {
        var largest = 0.0;
        foreach (var value in values)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        return FactorFor(largest);
    }
}
