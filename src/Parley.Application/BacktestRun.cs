using System.Collections.Immutable;
using Parley.Core.Backtesting;

namespace Parley.Application;

/// <summary>A backtest's result.</summary>
/// <param name="Dataset">A name for the inputs in reports.</param>
/// <param name="CapabilityLabel">The DEU capability used, or <c>null</c> when no DEU file was read.</param>
/// <param name="Modes">One run per mode asked for, proposal mode first.</param>
public sealed record BacktestRun(string Dataset, string? CapabilityLabel, ImmutableArray<BacktestModeRun> Modes)
{
    /// <summary>The input files by name and SHA-256.</summary>
    public ImmutableArray<DataDigest> Data { get; init; } = [];

    /// <summary>The conformal calibration of every model and mode, to save (<c>--calibration-out</c>) and apply to forecasts.</summary>
    public IntervalCalibration ToCalibration() => IntervalCalibration.FromBacktest(Dataset, CapabilityLabel, Data, Modes);
}
