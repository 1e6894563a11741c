using System.Collections.Immutable;

namespace Parley.Core.Uncertainty;

/// <summary>The spread of the number of rounds a dynamic model ran over the Monte Carlo draws.</summary>
public sealed record RoundsDistribution
{
    /// <summary>Mean rounds.</summary>
    public required double Mean { get; init; }

    /// <summary>Sample standard deviation of the rounds.</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Fewest rounds.</summary>
    public required int Min { get; init; }

    /// <summary>Most rounds.</summary>
    public required int Max { get; init; }

    /// <summary>Exact 5th, 25th, 50th, 75th and 95th percentiles (type 7 interpolation).</summary>
    public required ImmutableArray<QuantileEstimate> Quantiles { get; init; }

    /// <summary>Share of draws, 0–1, in which the model reported convergence.</summary>
    public required double ConvergedShare { get; init; }

    /// <summary>Draws per number of rounds, in ascending rounds.</summary>
    public required ImmutableArray<RoundsCount> Counts { get; init; }
}
