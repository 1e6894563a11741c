using System.Collections.Immutable;
using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Scoring;
using Parley.Core.Staging;
using Parley.Core.Uncertainty;

namespace Parley.Reports.Html;

/// <summary>What a negotiation report shows: the scenario and the results computed from it. Sections whose results are absent are left out.</summary>
public sealed record NegotiationReportInput
{
    /// <summary>The scenario, with every stance's evidence.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>One result per model, run with <see cref="ModelOptions.Trace"/> so dynamic models carry their rounds; empty for a draft, which no model runs on.</summary>
    public required ImmutableArray<ModelResult> Results { get; init; }

    /// <summary>
    /// What the analyst must still decide in a draft (<see cref="Scenario.IsDraft"/>), each located in
    /// the file (<c>file:line:column: …</c>), as <c>parley validate</c> lists them; empty otherwise.
    /// </summary>
    public ImmutableArray<string> OpenJudgements { get; init; } = [];

    /// <summary>The extracted texts of the scenario's sources, for the evidence in context; a source without one shows its quotes alone, with the reason.</summary>
    public ImmutableArray<SourceText> SourceTexts { get; init; } = [];

    /// <summary>Staged forecasts, one per model, when the report covers the scenario's stages; empty otherwise.</summary>
    public ImmutableArray<StagedResult> Staged { get; init; } = [];

    /// <summary>A calibration of the models' predictive intervals (<c>--calibration</c>): the forecast section then shows calibrated 50/80/90 % intervals; <c>null</c> for none.</summary>
    public ForecastCalibration? Calibration { get; init; }

    /// <summary>The Monte Carlo distribution of the analysis model's forecast (run with a fine histogram); <c>null</c> without draws.</summary>
    public MonteCarloResult? Uncertainty { get; init; }

    /// <summary>The sensitivity (tornado) analysis of the analysis model; <c>null</c> without draws.</summary>
    public SensitivityResult? Sensitivity { get; init; }

    /// <summary>Who holds the key to each issue under the analysis model; <c>null</c> to leave the section out.</summary>
    public InfluenceResult? Influence { get; init; }

    /// <summary>The forecasts scored against the outcomes the scenario records; <c>null</c> (or no outcome) leaves the track record section out.</summary>
    public ScenarioScoreCard? TrackRecord { get; init; }

    /// <summary>The seed of the models and of the draws.</summary>
    public ulong Seed { get; init; }

    /// <summary>The command that produced the report, shown in the footer so a reader can reproduce it.</summary>
    public string Command { get; init; } = string.Empty;

    /// <summary>A time stamp for the footer; <c>null</c> (the default) keeps the file byte-identical across runs.</summary>
    public string? Stamp { get; init; }
}
