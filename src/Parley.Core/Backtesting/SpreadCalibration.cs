using System.Collections.Immutable;
using Parley.Core.Scoring;

namespace Parley.Core.Backtesting;

/// <summary>How one default spread's Monte Carlo intervals did over every scored issue.</summary>
/// <param name="Spread">The default spread (positions, saliences, capabilities alike).</param>
/// <param name="MeanCrps">Mean continuous ranked probability score, in points of 0–100.</param>
/// <param name="Coverage">Per level (50, 80, 90 %), the outcomes inside their interval.</param>
public sealed record SpreadCalibration(double Spread, double MeanCrps, ImmutableArray<IntervalCoverage> Coverage)
{
    /// <summary>Mean of |observed coverage − nominal level| over the levels: 0 when perfectly calibrated.</summary>
    public double CalibrationError => Coverage.IsEmpty ? double.PositiveInfinity : Coverage.Average(c => Math.Abs(c.Share - c.Level));
}
