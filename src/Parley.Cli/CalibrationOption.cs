using System.CommandLine;
using Parley.Application;

namespace Parley.Cli;

/// <summary>
/// <c>--calibration FILE</c>: a calibration file written by <c>parley backtest … --calibration-out</c>, which gives
/// each forecast calibrated 50/80/90 % predictive intervals (docs/validation.md).
/// </summary>
internal sealed class CalibrationOption
{
    public Option<string?> File { get; } = new("--calibration")
    {
        Description = "A calibration file from 'parley backtest DATA --calibration-out FILE': each forecast gets calibrated 50/80/90% intervals learned from the model's past errors (docs/validation.md).",
    };

    public void AddTo(Command command) => command.Options.Add(File);

    /// <summary>The file as a source, or <c>null</c> when not given.</summary>
    public ScenarioSource? Source(ParseResult parse) => parse.GetValue(File) is { } path ? ScenarioSource.FromFile(path) : null;
}
