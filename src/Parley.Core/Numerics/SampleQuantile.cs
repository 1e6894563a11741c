namespace Parley.Core.Numerics;

/// <summary>
/// Quantiles of a sorted sample: the "type 7" definition of Hyndman &amp; Fan (1996), the default
/// of R and NumPy, and the definition every quantile in Parley follows (Monte Carlo quantiles are
/// read from a fine histogram by the same rule, see <see cref="FixedBinHistogram.Quantile"/>).
/// </summary>
/// <remarks>
/// For probability p and n sorted values x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, the target rank is t = p (n − 1) and the
/// quantile is x₍⌊t⌋₎ + (t − ⌊t⌋)(x₍⌊t⌋+1₎ − x₍⌊t⌋₎): linear interpolation between the two order
/// statistics around t. p = 0 gives the minimum, p = 1 the maximum.
/// </remarks>
public static class SampleQuantile
{
    /// <summary>The type 7 <paramref name="probability"/>-quantile of <paramref name="sorted"/>.</summary>
    /// <param name="sorted">Finite values in ascending order, at least one.</param>
    /// <param name="probability">From 0 to 1.</param>
    /// <exception cref="ArgumentException"><paramref name="sorted"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in [0, 1].</exception>
    public static double Type7(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("a quantile needs at least one value", nameof(sorted));
        }

        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a quantile's probability is from 0 to 1");
        }

        var position = probability * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(sorted.Length - 1, below + 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
