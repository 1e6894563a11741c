using System.Collections.Immutable;
using Parley.Core.Influence;
using Parley.Core.Scoring;
using Parley.Core.Staging;
using Parley.Core.Uncertainty;

namespace Parley.Application;

/// <summary>Everything a report draws: the forecast, the staged forecast, the uncertainty, the sensitivity and the influence.</summary>
/// <param name="Forecast">The forecast of every model.</param>
/// <param name="Staged">One staged result per model; empty without the stages section.</param>
/// <param name="Uncertainty">The Monte Carlo distribution, or <c>null</c> without draws.</param>
/// <param name="Sensitivity">The sensitivity swings, or <c>null</c> without draws.</param>
/// <param name="Influence">Who holds the key.</param>
/// <param name="TrackRecord">Every model scored against the recorded outcomes, or <c>null</c> when there are none.</param>
public sealed record ReportRun(ForecastRun Forecast, ImmutableArray<StagedResult> Staged, MonteCarloResult? Uncertainty, SensitivityResult? Sensitivity, InfluenceResult Influence, ScenarioScoreCard? TrackRecord = null);
