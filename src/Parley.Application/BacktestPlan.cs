using Parley.Core.Backtesting;
using Parley.Core.Models.Baseline;
using Parley.Formats.Backtesting;

namespace Parley.Application;

/// <summary>A checked backtest, ready to run: the cases read from the inputs, the models and their options.</summary>
/// <param name="Input">The cases with known outcomes.</param>
/// <param name="Setup">The models and options every case runs with.</param>
/// <param name="CapabilityLabel">The DEU capability used, or <c>null</c> when no DEU data set was read.</param>
/// <param name="CrossValidate">Folds of the recommended model's cross-validation, or <c>null</c> for none.</param>
public sealed record BacktestPlan(BacktestInput Input, ModelSetup Setup, string? CapabilityLabel, int? CrossValidate)
{
    /// <summary>Runs every model on every case (and the cross-validation); stops between cases when cancelled.</summary>
    public BacktestRun Run(CancellationToken cancellationToken = default)
    {
        var result = Backtester.Run(Input.Cases, [.. Setup.Models.Select(m => new BacktestModel(m, Setup.Options))], cancellationToken);
        var grid = TemperedCompromiseModel.CalibrationGrid.Select(o => new BacktestModel(new TemperedCompromiseModel(), o)).ToArray();
        var crossValidated = CrossValidate is { } folds ? CrossValidation.GroupedKFold(Input.Cases, grid, folds, cancellationToken) : null;
        return new BacktestRun(Input.Dataset, CapabilityLabel, result, crossValidated, [.. grid.Select(g => g.Describe())]);
    }
}
