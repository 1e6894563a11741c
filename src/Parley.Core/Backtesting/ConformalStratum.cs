namespace Parley.Core.Backtesting;

/// <summary>Held-out coverage of one level of conformal intervals within one tercile of difficulty (<see cref="ConformalCalibration.ByDifficulty"/>).</summary>
/// <param name="Level">The nominal coverage, e.g. 0.8.</param>
/// <param name="Tercile">0 for the issues of least spread, 1, 2 for the most.</param>
/// <param name="Inside">Held-out outcomes of the tercile inside their interval.</param>
/// <param name="Count">Held-out outcomes of the tercile.</param>
public readonly record struct ConformalStratum(double Level, int Tercile, int Inside, int Count)
{
    /// <summary>Inside / Count; 0 when the tercile is empty.</summary>
    public double Share => Count == 0 ? 0 : (double)Inside / Count;
}
