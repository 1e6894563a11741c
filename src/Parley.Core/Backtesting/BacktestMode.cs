namespace Parley.Core.Backtesting;

/// <summary>How a backtest presents its cases to the models.</summary>
public enum BacktestMode
{
    /// <summary>
    /// Each case as it is: a DEU proposal with all its issues, a scenario file with all its issues.
    /// The negotiation as it happened: models that trade across issues (exchange) or bargain in
    /// several dimensions at once (SMP) see every issue on the table.
    /// </summary>
    Proposal,

    /// <summary>Each issue with an outcome on its own, as a one-issue case (<see cref="BacktestCase.SplitByIssue"/>).</summary>
    Issue,
}
