namespace Parley.Core.Backtesting;

/// <summary>A backtest in one mode.</summary>
/// <param name="Mode">How cases were presented to the models.</param>
/// <param name="Result">Per-model accuracy and per-issue errors.</param>
/// <param name="Selection">
/// The nested cross-validation of the procedure that chooses the <c>recommended</c> model
/// (<see cref="RecommendedSelection"/>), run whatever models were asked for; <c>null</c> with
/// fewer than three groups (the procedure needs two to validate inside each training set).
/// </param>
public sealed record BacktestModeRun(BacktestMode Mode, BacktestResult Result, NestedCrossValidationResult? Selection)
{
    /// <summary>Ensembles of the models and selection by issue features, each by grouped cross-validation (<see cref="Backtesting.Ensembles"/>); empty when not run.</summary>
    public System.Collections.Immutable.ImmutableArray<EnsembleResult> Ensembles { get; init; } = [];

    /// <summary>The mode's name as the command line and JSON spell it: <c>proposal</c> or <c>issue</c>.</summary>
    public string ModeName => Mode == BacktestMode.Proposal ? "proposal" : "issue";
}
