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
    /// <summary>Runs the analysis.</summary>
    public InfluenceResult Run(CancellationToken cancellationToken = default) =>
        InfluenceAnalysis.Run(Scenario, Model, ModelOptions, Options, cancellationToken);
}
