using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Backtesting;

/// <summary>
/// A calibration file resolved for one forecast: for each model that runs, the entry that sets its
/// calibrated intervals (<see cref="IntervalCalibration.For"/>). Distinct from the Monte Carlo
/// intervals, which show input sensitivity only.
/// </summary>
/// <param name="FileName">The calibration file as the user named it.</param>
/// <param name="Calibration">The file's calibration.</param>
/// <param name="Entries">Each model's entry, by model id.</param>
public sealed record ForecastCalibration(string FileName, IntervalCalibration Calibration, ImmutableDictionary<string, IntervalCalibrationEntry> Entries)
{
    /// <summary>The calibrated intervals of <paramref name="model"/>'s forecast of <paramref name="issue"/>; empty when the model is not calibrated.</summary>
    public ImmutableArray<CalibratedInterval> IntervalsFor(string model, Scenario scenario, Issue issue, double forecast) =>
        Entries.TryGetValue(model, out var entry) ? entry.IntervalsFor(scenario, issue, forecast) : [];

    /// <summary>
    /// The label of <paramref name="model"/>'s intervals (<see cref="IntervalCalibration.Label"/>:
    /// <c>calibrated on DATA, n=…, held-out coverage …</c>); <c>null</c> when the model is not calibrated.
    /// </summary>
    public string? LabelFor(string model) => Entries.TryGetValue(model, out var entry) ? Calibration.Label(entry) : null;
}
