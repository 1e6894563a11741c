namespace Parley.Application;

/// <summary>A forecast: run models on a scenario, in one round of talks with everyone or through its stages.</summary>
public sealed record ForecastRequest
{
    /// <summary>The scenario.</summary>
    public ScenarioSource Scenario { get; init; } = ScenarioSource.BuiltIn();

    /// <summary>The models and their options.</summary>
    public ModelRequest Models { get; init; } = new();

    /// <summary>Blocs and delegations: <c>as-written</c>, <c>merge</c> or <c>split</c> (docs/stages.md).</summary>
    public string Blocs { get; init; } = "as-written";

    /// <summary>Run the scenario's stages in order (each stage's outcome is the next one's status quo).</summary>
    public bool Stages { get; init; }

    /// <summary>
    /// A calibration file (<c>parley backtest … --calibration-out</c>) that gives each forecast calibrated
    /// 50/80/90 % intervals; <c>null</c> for none. It must calibrate every model that runs, with the same options.
    /// </summary>
    public ScenarioSource? Calibration { get; init; }
}
