using System.Collections.Immutable;

namespace Parley.Core.Uncertainty;

/// <summary>The distribution of one issue's forecast over the Monte Carlo draws.</summary>
public sealed record IssueDistribution
{
    /// <summary>The issue.</summary>
    public required string IssueId { get; init; }

    /// <summary>The forecast at the inputs' point estimates (no draw).</summary>
    public required double Estimate { get; init; }

    /// <summary>Mean forecast over the draws.</summary>
    public required double Mean { get; init; }

    /// <summary>Sample standard deviation of the forecast over the draws (n − 1 denominator).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Lowest forecast drawn.</summary>
    public required double Min { get; init; }

    /// <summary>Highest forecast drawn.</summary>
    public required double Max { get; init; }

    /// <summary>The 5th, 25th, 50th, 75th and 95th percentiles, read from a fine histogram (see <see cref="QuantilePrecision"/>).</summary>
    public required ImmutableArray<QuantileEstimate> Quantiles { get; init; }

    /// <summary>Width of the fine histogram's bins the quantiles are read from: their precision, on the issue's scale.</summary>
    public required double QuantilePrecision { get; init; }

    /// <summary>
    /// Every draw's forecast in ascending order when <see cref="MonteCarloOptions.KeepDraws"/> was
    /// set (the empirical distribution the CRPS scores); empty otherwise.
    /// </summary>
    public ImmutableArray<double> SortedDraws { get; init; } = [];

    /// <summary>Equal-width bins over the issue's scale with the number of draws in each.</summary>
    public required ImmutableArray<HistogramBin> Histogram { get; init; }
}
