using System.Collections.Immutable;
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
    /// <summary>Runs every model; stops between rounds when <paramref name="cancellationToken"/> is cancelled.</summary>
    public ForecastRun Run(CancellationToken cancellationToken = default)
    {
        var options = Setup.Options;
        return Staged
            ? new ForecastRun(Scenario, options, [], [.. Setup.Models.Select(m => StagedForecaster.Run(Scenario, m, options, cancellationToken))])
            : new ForecastRun(Scenario, options, [.. Setup.Models.Select(m => m.Run(Scenario, options, cancellationToken))], []);
    }
}
