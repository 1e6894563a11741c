namespace Parley.Core.Backtesting;

/// <summary>One level of a model's conformal predictive intervals on a backtest.</summary>
/// <param name="Level">The nominal coverage, e.g. 0.8.</param>
/// <param name="HalfWidth">
/// The half-width q on all the data, in points of 0–100: the interval a user applies to a new
/// forecast is forecast ± q (the saved calibration). <see cref="double.PositiveInfinity"/> when
/// there are too few errors for this level (⌈(n + 1)·level⌉ &gt; n): the interval is the whole scale.
/// </param>
/// <param name="MeanHeldOutHalfWidth">The mean of the half-widths the held-out folds were scored with, in points (infinite when one was).</param>
/// <param name="Inside">Held-out outcomes inside their interval.</param>
/// <param name="Count">Held-out outcomes scored.</param>
public readonly record struct ConformalLevel(double Level, double HalfWidth, double MeanHeldOutHalfWidth, int Inside, int Count)
{
    /// <summary>Observed held-out coverage, Inside / Count; 0 when nothing was scored.</summary>
    public double Share => Count == 0 ? 0 : (double)Inside / Count;
}
