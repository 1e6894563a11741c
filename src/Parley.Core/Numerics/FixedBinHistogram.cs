namespace Parley.Core.Numerics;

/// <summary>
/// Counts of values in equal-width bins over a fixed interval, with the exact count, minimum and
/// maximum: constant memory however many values are added, and quantiles read from the counts.
/// Values outside the interval are counted in the end bins.
/// </summary>
/// <remarks>
/// <para>Quantile estimate: for probability p the target rank is t = p (n − 1) (the "type 7"
/// definition of Hyndman &amp; Fan 1996, the default of R and NumPy). The bin holding the order
/// statistic of rank ⌊t⌋ is found from the cumulative counts, and the value is interpolated inside
/// it as if its c values sat at the centres of c equal sub-intervals; the result is clamped to the
/// observed minimum and maximum.</para>
/// <para>Precision: the estimate lies in the same bin as that order statistic, so it differs from
/// the exact sample quantile by at most one bin width (interval width / bin count) plus the
/// distance between the two order statistics that type 7 interpolates between (which vanishes as
/// n grows for a continuous distribution).</para>
/// </remarks>
public sealed class FixedBinHistogram
{
    private readonly long[] counts;
    private readonly double scale;

    /// <summary>Creates an empty histogram of <paramref name="binCount"/> bins over [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentException">The interval is not finite with max &gt; min, or binCount &lt; 1.</exception>
    public FixedBinHistogram(double min, double max, int binCount)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
        {
            throw new ArgumentException($"the interval [{min}, {max}] must be finite with max > min", nameof(max));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        Min = min;
        Max = max;
        counts = new long[binCount];
        scale = binCount / (max - min);
    }

    /// <summary>Lower end of the interval.</summary>
    public double Min { get; }

    /// <summary>Upper end of the interval.</summary>
    public double Max { get; }

    /// <summary>Number of bins.</summary>
    public int BinCount => counts.Length;

    /// <summary>Width of one bin: the precision of <see cref="Quantile"/>.</summary>
    public double BinWidth => (Max - Min) / counts.Length;

    /// <summary>How many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value added; +∞ when empty.</summary>
    public double ObservedMin { get; private set; } = double.PositiveInfinity;

    /// <summary>The largest value added; −∞ when empty.</summary>
    public double ObservedMax { get; private set; } = double.NegativeInfinity;

    /// <summary>The count in bin <paramref name="bin"/>, 0 ≤ bin &lt; <see cref="BinCount"/>.</summary>
    public long this[int bin] => counts[bin];

    /// <summary>Counts <paramref name="value"/>, a finite number.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("histogram values must be finite numbers", nameof(value));
        }

        counts[BinOf(value)]++;
        Count++;
        ObservedMin = Math.Min(ObservedMin, value);
        ObservedMax = Math.Max(ObservedMax, value);
    }

    /// <summary>The bin <paramref name="value"/> falls in; values outside the interval go to the end bins.</summary>
    public int BinOf(double value)
    {
        var bin = (value - Min) * scale;
        return bin <= 0 ? 0 : bin >= counts.Length ? counts.Length - 1 : (int)bin;
    }

    /// <summary>
    /// The estimated <paramref name="probability"/>-quantile (see the class remarks for the
    /// definition and the precision); NaN when the histogram is empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in [0, 1].</exception>
    public double Quantile(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a quantile's probability is from 0 to 1");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        var target = probability * (Count - 1);
        var rank = (long)Math.Floor(target);
        long before = 0;
        for (var bin = 0; bin < counts.Length; bin++)
        {
            var inBin = counts[bin];
            if (rank < before + inBin)
            {
                var offset = Math.Min(target - before + 0.5, inBin);
                var value = Min + ((bin + (offset / inBin)) * BinWidth);
                return Math.Clamp(value, ObservedMin, ObservedMax);
            }

            before += inBin;
        }

        return ObservedMax;
    }

    /// <summary>The counts gathered into <paramref name="groups"/> equal groups of adjacent bins; <see cref="BinCount"/> must be a multiple of it.</summary>
    /// <exception cref="ArgumentException"><paramref name="groups"/> does not divide <see cref="BinCount"/>.</exception>
    public long[] Coarsen(int groups)
    {
        if (groups < 1 || counts.Length % groups != 0)
        {
            throw new ArgumentException($"{groups} groups do not divide {counts.Length} bins", nameof(groups));
        }

        var width = counts.Length / groups;
        var result = new long[groups];
        for (var bin = 0; bin < counts.Length; bin++)
        {
            result[bin / width] += counts[bin];
        }

        return result;
    }
}
