using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;
using Parley.Core.WhatIf;

namespace Parley.Application;

/// <summary>A checked what-if, ready to run: the baseline and the edited scenario, and the models to compare them with.</summary>
/// <param name="Original">The scenario as loaded.</param>
/// <param name="Baseline">The scenario the baseline runs on (blocs applied; without stages unless staged).</param>
/// <param name="Variant">The edited scenario, prepared the same way.</param>
/// <param name="Overlay">Every edit, in the order applied.</param>
/// <param name="Models">The models, in the order asked for.</param>
/// <param name="Options">The models' options.</param>
public sealed record WhatIfPlan(Scenario Original, Scenario Baseline, Scenario Variant, ScenarioOverlay Overlay, ImmutableArray<IModel> Models, ModelOptions Options)
{
    /// <summary>Runs every model on the baseline and on the edited scenario and compares them per stage and issue.</summary>
    public WhatIfRun Run(CancellationToken cancellationToken = default)
    {
        var comparisons = Models.Select(model => (model.Info.Id, ForecastComparison.Compare(
            Baseline,
            StagedForecaster.Run(Baseline, model, Options, cancellationToken),
            StagedForecaster.Run(Variant, model, Options, cancellationToken)))).ToImmutableArray();
        return new WhatIfRun(Original, Baseline, Overlay, comparisons);
    }
}
