using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Uncertainty;

namespace Parley.Application;

/// <summary>A checked Monte Carlo request, ready to run.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Model">The model.</param>
/// <param name="Options">Draws, seed, threads, spread, bins and the model's options.</param>
public sealed record MonteCarloPlan(Scenario Scenario, IModel Model, MonteCarloOptions Options)
{
    /// <summary>The count <see cref="Run"/> reports progress towards: the draws.</summary>
    public long TotalSteps => Options.Draws;

    /// <summary>
    /// Runs the draws, reporting the draws done to <paramref name="progress"/>; cancelling stops at
    /// the next draw and returns the draws done, marked partial.
    /// </summary>
    public MonteCarloResult Run(IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        MonteCarlo.Run(Scenario, Model, Options with { Progress = progress }, cancellationToken);
}
