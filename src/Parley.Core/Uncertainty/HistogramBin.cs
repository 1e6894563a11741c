namespace Parley.Core.Uncertainty;

/// <summary>One bar of a forecast histogram: how many draws fell in [Low, High) (the last bin includes its High).</summary>
/// <param name="Low">Lower edge, on the scale.</param>
/// <param name="High">Upper edge, on the scale.</param>
/// <param name="Count">Number of draws.</param>
public readonly record struct HistogramBin(double Low, double High, long Count);
