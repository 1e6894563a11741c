using Parley.Core.Backtesting;
using Parley.Core.Models.Baseline;
using Parley.Formats.Backtesting;
using Parley.Formats.Deu;

namespace Parley.Application;

/// <summary>A checked backtest request, ready to run: the cases, the models and the cross-validation folds.</summary>
/// <param name="Input">The cases with known outcomes and the data set's name.</param>
/// <param name="Capability">The DEU capabilities used (meaningful when a DEU file was read).</param>
/// <param name="Setup">The models and their options.</param>
/// <param name="CrossValidate">Folds of the recommended model's cross-validation, or <c>null</c>.</param>
public sealed record BacktestPlan(BacktestInput Input, DeuCapability Capability, ModelSetup Setup, int? CrossValidate)
{
    /// <summary>The count <see cref="Run"/> reports progress towards: the cases.</summary>
    public long TotalSteps => Input.Cases.Length;

    /// <summary>Runs every model on every case, reporting the cases done to <paramref name="progress"/>; cancelling throws.</summary>
    public BacktestRun Run(IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        var result = Backtester.Run(Input.Cases, [.. Setup.Models.Select(m => new BacktestModel(m, Setup.Options))], progress, cancellationToken);
        var grid = TemperedCompromiseModel.CalibrationGrid.Select(o => new BacktestModel(new TemperedCompromiseModel(), o)).ToArray();
        var crossValidated = CrossValidate is { } folds ? CrossValidation.GroupedKFold(Input.Cases, grid, folds, cancellationToken) : null;
        return new BacktestRun(
            Input.Dataset,
            Input.ReadDeu ? DeuReader.CapabilityName(Capability) : null,
            result,
            crossValidated,
            [.. grid.Select(g => g.Describe())]);
    }
}
