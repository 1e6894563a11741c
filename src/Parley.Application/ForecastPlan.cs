using System.Collections.Immutable;
using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;

namespace Parley.Application;

/// <summary>A checked forecast request, ready to run: the scenario (blocs applied), the models and their options.</summary>
/// <param name="Scenario">The scenario the models run on.</param>
/// <param name="Setup">The models and options.</param>
/// <param name="Staged">Whether to run the scenario's stages in order.</param>
public sealed record ForecastPlan(Scenario Scenario, ModelSetup Setup, bool Staged)
{
    /// <summary>The calibration of the models' intervals, or <c>null</c> without one.</summary>
    public ForecastCalibration? Calibration { get; init; }

    /// <summary>The count <see cref="Run(IProgress{long}, CancellationToken)"/> reports progress towards: the models.</summary>
    public long TotalSteps => Setup.Models.Length;

    /// <summary>Runs every model; stops between rounds when <paramref name="cancellationToken"/> is cancelled.</summary>
    public ForecastRun Run(CancellationToken cancellationToken = default) => Run(null, cancellationToken);

    /// <summary>
    /// Runs the models in order, reporting how many have finished to <paramref name="progress"/>.
    /// Cancelling stops the model that is running and returns those that finished, marked
    /// <see cref="ForecastRun.Partial"/> (a cancellation before the first finished is thrown).
    /// </summary>
    public ForecastRun Run(IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        var options = Setup.Options;
        var results = ImmutableArray.CreateBuilder<ModelResult>();
        var staged = ImmutableArray.CreateBuilder<StagedResult>();
        foreach (var model in Setup.Models)
        {
            try
            {
                if (Staged)
                {
                    staged.Add(StagedForecaster.Run(Scenario, model, options, cancellationToken));
                }
                else
                {
                    results.Add(model.Run(Scenario, options, cancellationToken));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && results.Count + staged.Count > 0)
            {
                break;
            }

            progress?.Report(results.Count + staged.Count);
        }

        return new ForecastRun(Scenario, options, results.ToImmutable(), staged.ToImmutable())
        {
            Partial = results.Count + staged.Count < Setup.Models.Length,
            Requested = Setup.Models.Length,
            Calibration = Calibration,
        };
    }
}
