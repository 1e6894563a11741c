namespace Parley.Core.Models.ExpectedUtility;

/// <summary>The capability × salience weighted mean and median the model reports and stops on.</summary>
internal static class WeightedStatistics
{
    /// <summary>Σ wᵢxᵢ / Σ wᵢ; the plain mean when every weight is 0 (as the compromise model).</summary>
    public static double Mean(ReadOnlySpan<double> positions, ReadOnlySpan<double> weights)
    {
        double weighted = 0, total = 0, plain = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            weighted += weights[i] * positions[i];
            total += weights[i];
            plain += positions[i];
        }

        return total > 0 ? weighted / total : plain / positions.Length;
    }

    /// <summary>
    /// The lowest position whose cumulative weight (positions at or below it) reaches half the
    /// total, as the median model; every actor counts equally when all weights are 0.
    /// </summary>
    /// <param name="positions">The positions.</param>
    /// <param name="weights">Their weights.</param>
    /// <param name="sortedPositions">Scratch of the same length.</param>
    /// <param name="sortedWeights">Scratch of the same length.</param>
    public static double Median(ReadOnlySpan<double> positions, ReadOnlySpan<double> weights, Span<double> sortedPositions, Span<double> sortedWeights)
    {
        var count = positions.Length;
        positions.CopyTo(sortedPositions);
        double total = 0;
        for (var i = 0; i < count; i++)
        {
            total += weights[i];
        }

        if (total <= 0)
        {
            sortedWeights[..count].Fill(1.0);
            total = count;
        }
        else
        {
            weights.CopyTo(sortedWeights);
        }

        sortedPositions[..count].Sort(sortedWeights[..count]);
        double cumulative = 0;
        for (var i = 0; i < count; i++)
        {
            cumulative += sortedWeights[i];
            if (i + 1 < count && sortedPositions[i + 1] == sortedPositions[i])
            {
                continue;
            }

            if (cumulative >= total / 2 * (1 - 1e-12))
            {
                return sortedPositions[i];
            }
        }

        return sortedPositions[count - 1];
    }
}
