namespace Parley.Core.Uncertainty;

/// <summary>A quantile of a Monte Carlo distribution.</summary>
/// <param name="Probability">The probability, 0–1 (0.05 for the 5th percentile).</param>
/// <param name="Value">The value below which that share of draws falls.</param>
public readonly record struct QuantileEstimate(double Probability, double Value);
