using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Uncertainty;

namespace Parley.Application;

/// <summary>A checked sensitivity request, ready to run.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Model">The model.</param>
/// <param name="Options">Draws, seed, threads, spread and the model's options.</param>
public sealed record SensitivityPlan(Scenario Scenario, IModel Model, SensitivityOptions Options)
{
    /// <summary>The count <see cref="Run"/> reports progress towards: the model runs (at least 1).</summary>
    public long TotalSteps => Math.Max(1, Sensitivity.ModelRuns(Scenario, Options));

    /// <summary>Runs the swings and draws, reporting model runs done; cancelling returns a partial result.</summary>
    public SensitivityResult Run(IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Sensitivity.Run(Scenario, Model, Options with { Progress = progress }, cancellationToken);
}
