using System.Collections.Immutable;
using Parley.Core.Backtesting;

namespace Parley.Application;

/// <summary>A backtest: models against known outcomes in DEU data sets or scenario files with <c>outcome:</c>.</summary>
public sealed record BacktestRequest
{
    /// <summary>Files or folders, as the user named them.</summary>
    public ImmutableArray<string> Inputs { get; init; } = [];

    /// <summary>Uploaded inputs (a server's: never paths), read as <see cref="Inputs"/> are; used when <see cref="Inputs"/> is empty.</summary>
    public ImmutableArray<ScenarioSource> Texts { get; init; } = [];

    /// <summary>The inputs' format name, or <c>null</c> to detect it.</summary>
    public string? Format { get; init; }

    /// <summary>The models (ids, comma-separated, or <c>all</c>) and parameters given to every model.</summary>
    public ModelRequest Models { get; init; } = new();

    /// <summary>DEU capabilities: <c>equal</c>, <c>gdp</c> or <c>votes</c>.</summary>
    public string Capability { get; init; } = "equal";

    /// <summary>
    /// How cases are run: <c>proposal</c> (each DEU proposal or scenario file with all its issues),
    /// <c>issue</c> (each issue alone) or <c>both</c> (the default; proposal first).
    /// </summary>
    public string Mode { get; init; } = "both";

    /// <summary>Monte Carlo draws per case and candidate spread for the calibration of intervals (CRPS, coverage); 0 leaves it out.</summary>
    public int CalibrationDraws { get; init; } = CalibrationOptions.DefaultDraws;

    /// <summary>Outer folds of the nested cross-validation (2 to the number of groups); <c>null</c> for 10, or the number of groups when fewer.</summary>
    public int? CrossValidate { get; init; }
}
