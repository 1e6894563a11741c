using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;

namespace Parley.Application;

/// <summary>A checked influence request, ready to run.</summary>
/// <param name="Scenario">The scenario analysed (without stages unless staged).</param>
/// <param name="Model">The model.</param>
/// <param name="ModelOptions">The model's options.</param>
/// <param name="Options">The analysis' options.</param>
/// <param name="Staged">Whether the staged forecast is analysed.</param>
public sealed record InfluencePlan(Scenario Scenario, IModel Model, ModelOptions ModelOptions, InfluenceOptions Options, bool Staged)
{
    /// <summary>
    /// The count <see cref="Run(IProgress{long}, CancellationToken)"/> reports progress towards: the
    /// issues analysed (their Shapley values come together, then each issue's search).
    /// </summary>
    public long TotalSteps => Math.Max(1, Scenario.Issues.Count(i => Options.Issues.IsDefaultOrEmpty || Options.Issues.Contains(i.Id, StringComparer.Ordinal)));

    /// <summary>Runs the analysis.</summary>
    public InfluenceResult Run(CancellationToken cancellationToken = default) => Run(null, cancellationToken);

    /// <summary>
    /// Runs the analysis, reporting the issues done to <paramref name="progress"/>; cancelling during
    /// the searches returns the issues done, marked <see cref="InfluenceResult.Partial"/>.
    /// </summary>
    public InfluenceResult Run(IProgress<long>? progress, CancellationToken cancellationToken = default) => Run(progress, null, cancellationToken);

    /// <summary>
    /// Runs the analysis, reporting the issues done to <paramref name="progress"/> and, finer, each phase's
    /// coalition runs or searches done to <paramref name="phases"/> (<see cref="InfluenceOptions.PhaseProgress"/>).
    /// </summary>
    public InfluenceResult Run(IProgress<long>? progress, IProgress<InfluenceProgress>? phases, CancellationToken cancellationToken = default) =>
        InfluenceAnalysis.Run(Scenario, Model, ModelOptions, Options with { Progress = progress, PhaseProgress = phases }, cancellationToken);
}
