namespace Parley.Core.Numerics;

/// <summary>
/// The weighted mean and weighted median every model computes its forecast or outcome with,
/// finite for any finite input: weights and positions are scaled by powers of two
/// (<see cref="ExactScale"/>), which leaves the bits of every result that did not overflow unchanged.
/// </summary>
public static class WeightedStatistics
{
    /// <summary>
    /// Σ wᵢxᵢ / Σ wᵢ, the plain mean when every weight is 0; always within [min x, max x].
    /// </summary>
    /// <param name="positions">The values, finite.</param>
    /// <param name="weights">Their weights, finite and non-negative; as many as <paramref name="positions"/>.</param>
    public static double Mean(ReadOnlySpan<double> positions, ReadOnlySpan<double> weights)
    {
        var weightScale = ExactScale.FactorFor(weights);
        var positionScale = ExactScale.FactorFor(positions);
        double weighted = 0, total = 0, plain = 0;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (var i = 0; i < positions.Length; i++)
        {
            var weight = weights[i] * weightScale;
            var position = positions[i] * positionScale;
            weighted += weight * position;
            total += weight;
            plain += position;
            low = Math.Min(low, positions[i]);
            high = Math.Max(high, positions[i]);
        }

        var mean = (total > 0 ? weighted / total : plain / positions.Length) / positionScale;
        return Math.Clamp(mean, low, high);
    }

    /// <summary>
    /// The weighted median: the lowest position whose cumulative weight (positions at or below it)
    /// reaches half the total, up to a relative 10⁻¹²; every value counts equally when all weights
    /// are 0. Always one of the positions.
    /// </summary>
    /// <param name="positions">The values.</param>
    /// <param name="weights">Their weights, finite and non-negative.</param>
    /// <param name="sortedPositions">Scratch of the same length.</param>
    /// <param name="sortedWeights">Scratch of the same length.</param>
    public static double Median(ReadOnlySpan<double> positions, ReadOnlySpan<double> weights, Span<double> sortedPositions, Span<double> sortedWeights)
    {
        var count = positions.Length;
        positions.CopyTo(sortedPositions);
        var scale = ExactScale.FactorFor(weights);
        double total = 0;
        for (var i = 0; i < count; i++)
        {
            sortedWeights[i] = weights[i] * scale;
            total += sortedWeights[i];
        }

        if (total <= 0)
        {
            sortedWeights[..count].Fill(1.0);
            total = count;
        }

        sortedPositions[..count].Sort(sortedWeights[..count]);
        double cumulative = 0;
        for (var i = 0; i < count; i++)
        {
            cumulative += sortedWeights[i];

            // Equal positions form one point: only test the half-way mark after the last of them.
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

    /// <summary>
    /// The weighted standard deviation √(Σ wᵢ(xᵢ − x̄)² / Σ wᵢ) around the weighted mean x̄
    /// (<see cref="Mean"/>); every value counts equally when all weights are 0; 0 for no values.
    /// </summary>
    /// <param name="positions">The values, finite.</param>
    /// <param name="weights">Their weights, finite and non-negative; as many as <paramref name="positions"/>.</param>
    public static double StandardDeviation(ReadOnlySpan<double> positions, ReadOnlySpan<double> weights)
    {
        if (positions.IsEmpty)
        {
            return 0;
        }

        var mean = Mean(positions, weights);
        double total = 0, squares = 0, plain = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            var deviation = (positions[i] - mean) * (positions[i] - mean);
            squares += weights[i] * deviation;
            total += weights[i];
            plain += deviation;
        }

        return Math.Sqrt(total > 0 ? squares / total : plain / positions.Length);
    }
}
