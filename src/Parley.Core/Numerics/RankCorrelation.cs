namespace Parley.Core.Numerics;

/// <summary>Spearman's rank correlation and the ranks it is built on.</summary>
public static class RankCorrelation
{
    /// <summary>
    /// Writes the rank of each value of <paramref name="values"/> (1 = smallest) into
    /// <paramref name="ranks"/>; tied values share the mean of their ranks.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or a value is NaN.</exception>
    public static void Ranks(ReadOnlySpan<double> values, Span<double> ranks)
    {
        if (values.Length != ranks.Length)
        {
            throw new ArgumentException("values and ranks must have the same length", nameof(ranks));
        }

        var order = new int[values.Length];
        var keys = values.ToArray();
        foreach (var value in keys)
        {
            if (double.IsNaN(value))
            {
                throw new ArgumentException("values must not be NaN", nameof(values));
            }
        }

        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Sorting (key, index) pairs by key then index keeps ties in a fixed order.
        Array.Sort(keys, order);
        var start = 0;
        while (start < order.Length)
        {
            var end = start + 1;
            while (end < order.Length && keys[end] == keys[start])
            {
                end++;
            }

            var shared = ((start + 1) + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                ranks[order[i]] = shared;
            }

            start = end;
        }
    }

    /// <summary>
    /// Spearman's ρ: the Pearson correlation of the ranks of <paramref name="x"/> and
    /// <paramref name="y"/> (mid-ranks for ties), from −1 to 1. <c>null</c> when either has fewer
    /// than two distinct values (the correlation is undefined).
    /// </summary>
    /// <remarks>Spearman (1904), "The proof and measurement of association between two things", <i>American Journal of Psychology</i> 15(1): 72–101.</remarks>
    public static double? Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y must have the same length", nameof(y));
        }

        var rankX = new double[x.Length];
        var rankY = new double[y.Length];
        Ranks(x, rankX);
        Ranks(y, rankY);
        return PearsonOfRanks(rankX, rankY);
    }

    /// <summary>The Pearson correlation of two rank vectors (as from <see cref="Ranks"/>); <c>null</c> when either is constant.</summary>
    public static double? PearsonOfRanks(ReadOnlySpan<double> rankX, ReadOnlySpan<double> rankY)
    {
        var count = rankX.Length;
        if (count < 2 || rankY.Length != count)
        {
            return null;
        }

        // Mid-ranks of n values always average (n + 1) / 2.
        var mean = (count + 1) / 2.0;
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < count; i++)
        {
            var dx = rankX[i] - mean;
            var dy = rankY[i] - mean;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        return varianceX > 0 && varianceY > 0
            ? Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1)
            : null;
    }
}
