namespace Parley.Core.Backtesting;

/// <summary>
/// One model's forecast of one issue against the known outcome. Errors are in points of the
/// issue's scale rescaled to 0–100 (identical to scale units on DEU's 0–100 scales), so that
/// issues on different scales can be pooled and "within 10 points" means the same everywhere.
/// </summary>
/// <param name="CaseId">The <see cref="BacktestCase.Id"/>.</param>
/// <param name="Group">The case's <see cref="BacktestCase.Group"/>.</param>
/// <param name="IssueId">The issue.</param>
/// <param name="Outcome">The known outcome, on the issue's scale.</param>
/// <param name="Forecast">The model's forecast, on the issue's scale.</param>
/// <param name="Error">Forecast − outcome in points of the 0–100 rescaled scale (signed).</param>
public sealed record IssueError(string CaseId, string Group, string IssueId, double Outcome, double Forecast, double Error)
{
    /// <summary>|<see cref="Error"/>|.</summary>
    public double AbsoluteError => Math.Abs(Error);

    /// <summary>
    /// The issue's difficulty measured from its scenario alone (<see cref="ConformalScale.IssueDifficulty"/>:
    /// the weighted spread of positions, points of 0–100); NaN when not measured (errors of ensembles).
    /// </summary>
    public double Difficulty { get; init; } = double.NaN;

    /// <summary>The forecast on the issue's scale rescaled to 0–100, to clip intervals to the scale; NaN when not known.</summary>
    public double ForecastPoints { get; init; } = double.NaN;
}
