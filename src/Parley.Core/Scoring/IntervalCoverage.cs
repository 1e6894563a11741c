namespace Parley.Core.Scoring;

/// <summary>How often outcomes fell inside the level-<paramref name="Level"/> central intervals of a set of forecasts.</summary>
/// <param name="Level">The nominal coverage (0.8 for the 80 % intervals).</param>
/// <param name="Inside">Outcomes inside their forecast's interval.</param>
/// <param name="Count">Forecasts with an interval at this level.</param>
public readonly record struct IntervalCoverage(double Level, int Inside, int Count)
{
    /// <summary>Observed coverage, Inside / Count; NaN when there are no forecasts. A calibrated forecaster's is near <see cref="Level"/>.</summary>
    public double Share => Count == 0 ? double.NaN : (double)Inside / Count;
}
