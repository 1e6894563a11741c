namespace Parley.Core.Backtesting;

/// <summary>One level of a model's conformal predictive intervals on a backtest.</summary>
/// <param name="Level">The nominal coverage, e.g. 0.8.</param>
/// <param name="HalfWidth">
/// The conformal quantile q on all the data: the interval a user applies to a new forecast is
/// forecast ± q·s(issue) (the saved calibration), so for the plain scale (s = 1) q is the
/// half-width in points of 0–100, and for a normalized scale it multiplies the s. <see cref="double.PositiveInfinity"/> when
/// there are too few errors for this level (⌈(n + 1)·level⌉ &gt; n): the interval is the whole scale.
/// </param>
/// <param name="MeanHeldOutHalfWidth">The mean of the half-widths q·s the held-out issues were scored with, in points (infinite when one was).</param>
/// <param name="Inside">Held-out outcomes inside their interval.</param>
/// <param name="Count">Held-out outcomes scored.</param>
public readonly record struct ConformalLevel(double Level, double HalfWidth, double MeanHeldOutHalfWidth, int Inside, int Count)
{
    /// <summary>Observed held-out coverage, Inside / Count; 0 when nothing was scored.</summary>
    public double Share => Count == 0 ? 0 : (double)Inside / Count;

    /// <summary>
    /// The mean length of the held-out intervals clipped to the scale (0–100), in points: what an
    /// analyst sees, and the figure plain and normalized intervals are compared by; 2 × the
    /// half-width when the forecast's place on the scale is not known.
    /// </summary>
    public double MeanHeldOutWidth { get; init; }
}
