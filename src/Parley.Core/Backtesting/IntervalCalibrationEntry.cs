using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Backtesting;

/// <summary>
/// The conformal calibration of one model (with its options) in one backtest mode: the quantiles q
/// per level, the difficulty scale s and the held-out coverage, from which any new forecast of that
/// model gets its intervals ŷ ± q·s(issue) (<see cref="ConformalIntervals"/>).
/// </summary>
/// <param name="Model">The model's id.</param>
/// <param name="Options">The model parameters it was backtested with (<c>name=value</c>, comma-separated; empty for the defaults).</param>
/// <param name="Mode"><c>proposal</c> or <c>issue</c>: how the backtest presented the cases.</param>
/// <param name="Conformal">The quantiles, scale, folds, n and held-out coverage.</param>
public sealed record IntervalCalibrationEntry(string Model, string Options, string Mode, ConformalCalibration Conformal)
{
    /// <summary>
    /// The calibrated intervals of <paramref name="forecast"/> on <paramref name="issue"/> of
    /// <paramref name="scenario"/>, one per level in ascending order: forecast ± q·s(issue) points of the
    /// 0–100 rescaled scale, converted to the issue's scale and clipped to it (an infinite q is the whole scale).
    /// </summary>
    public ImmutableArray<CalibratedInterval> IntervalsFor(Scenario scenario, Issue issue, double forecast)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issue);
        var scale = Conformal.Scale.Of(scenario, issue);
        var intervals = ImmutableArray.CreateBuilder<CalibratedInterval>(Conformal.Levels.Length);
        foreach (var level in Conformal.Levels)
        {
            var halfWidth = level.HalfWidth * scale * issue.ScaleWidth / 100;
            intervals.Add(double.IsFinite(halfWidth)
                ? new CalibratedInterval(level.Level, issue.Clamp(forecast - halfWidth), issue.Clamp(forecast + halfWidth), level.Share)
                : new CalibratedInterval(level.Level, issue.ScaleMin, issue.ScaleMax, level.Share));
        }

        return intervals.MoveToImmutable();
    }
}
