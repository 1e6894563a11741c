namespace Parley.Application;

/// <summary>
/// The analyses of an HTML report (docs/reports.md): the forecast of every chosen model, the
/// influence analysis of one model and, with <see cref="Draws"/>, its Monte Carlo distribution and
/// sensitivity swings; with <see cref="Stages"/>, the staged forecast too.
/// </summary>
public sealed record ReportRequest
{
    /// <summary>The scenario.</summary>
    public ScenarioSource Scenario { get; init; } = ScenarioSource.BuiltIn();

    /// <summary>The models and their options (rounds are always traced: the report draws the bargaining).</summary>
    public ModelRequest Models { get; init; } = new();

    /// <summary>The model of the uncertainty and influence sections; <c>null</c> for recommended when it runs, else the first model.</summary>
    public string? AnalysisModel { get; init; }

    /// <summary>Monte Carlo draws of the uncertainty section; 0 leaves it out.</summary>
    public int Draws { get; init; }

    /// <summary>Worker threads of the draws (0: one per processor); the report does not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Add the stages section.</summary>
    public bool Stages { get; init; }

    /// <summary>A calibration file that gives the forecast section calibrated 50/80/90 % intervals (<see cref="ForecastRequest.Calibration"/>); <c>null</c> for none.</summary>
    public ScenarioSource? Calibration { get; init; }
}
