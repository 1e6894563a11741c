namespace Parley.Core.Backtesting;

/// <summary>A calibrated predictive interval of one forecast on the issue's own scale (<see cref="IntervalCalibrationEntry.IntervalsFor"/>).</summary>
/// <param name="Level">The nominal coverage, e.g. 0.8.</param>
/// <param name="Low">The lower end, on the scale (clipped to it).</param>
/// <param name="High">The upper end, on the scale (clipped to it).</param>
/// <param name="HeldOutCoverage">The share of held-out outcomes the calibration's intervals of this level held, 0–1.</param>
public readonly record struct CalibratedInterval(double Level, double Low, double High, double HeldOutCoverage);
