using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>How accurate one model was over every scored issue of a backtest.</summary>
public sealed record ModelAccuracy
{
    /// <summary>The model's id.</summary>
    public required string Model { get; init; }

    /// <summary>The model parameters it ran with (<c>name=value</c>, comma-separated; empty for the defaults).</summary>
    public required string Options { get; init; }

    /// <summary>Number of issues scored: issues with a known outcome that the model forecast.</summary>
    public required int Count { get; init; }

    /// <summary>Mean absolute error, in points of 0–100 (see <see cref="IssueError"/>).</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>Median absolute error, in points of 0–100; the mean of the two middle errors when the count is even.</summary>
    public required double MedianAbsoluteError { get; init; }

    /// <summary>Share of issues forecast within 10 points of the outcome (inclusive), 0–1.</summary>
    public required double Within10 { get; init; }

    /// <summary>Mean signed error (forecast − outcome), in points: positive when the model forecasts too high on average.</summary>
    public required double MeanError { get; init; }

    /// <summary>
    /// Mean of (this model's absolute error − the compromise baseline's) over the issues both
    /// forecast, in points: negative when the model beats the plain compromise model.
    /// </summary>
    public required double MeanErrorVsCompromise { get; init; }

    /// <summary>
    /// The 95 % cluster-bootstrap interval of <see cref="MeanErrorVsCompromise"/>, resampling
    /// groups (proposals); <c>null</c> when no issue was forecast by both.
    /// </summary>
    public BootstrapInterval? VersusCompromiseInterval { get; init; }

    /// <summary>Share of those issues where this model's absolute error is smaller than the baseline's, 0–1.</summary>
    public required double BeatsCompromiseShare { get; init; }

    /// <summary>
    /// For a model whose configuration is chosen from data (<c>recommended</c>): the nested
    /// cross-validation of the procedure that chooses it (<see cref="CrossValidation"/>).
    /// <c>null</c> for a model whose parameters come from its literature, not from these data.
    /// </summary>
    public NestedCrossValidationResult? NestedCrossValidation { get; init; }

    /// <summary>
    /// The mean absolute error on issues the model's configuration was not chosen on: the nested
    /// cross-validated MAE for a model chosen from data, else <see cref="MeanAbsoluteError"/> (no
    /// choice was made on these data, so in-sample is out-of-sample).
    /// </summary>
    public double NestedCrossValidatedError => NestedCrossValidation?.MeanAbsoluteError ?? MeanAbsoluteError;

    /// <summary>The out-of-sample difference to the compromise model with its 95 % interval (nested for a model chosen from data).</summary>
    public BootstrapInterval? NestedVersusCompromise => NestedCrossValidation?.VersusBaseline ?? VersusCompromiseInterval;

    /// <summary>
    /// The calibration of the model's Monte Carlo intervals (CRPS, coverage of the 50, 80 and
    /// 90 % intervals, the spread chosen by cross-validation); <c>null</c> when not run.
    /// </summary>
    public ModelCalibration? Calibration { get; init; }

    /// <summary>
    /// Split-conformal predictive intervals from the model's errors, scored on held-out proposals
    /// (<see cref="ConformalIntervals"/>); <c>null</c> when not run or with fewer than two groups.
    /// </summary>
    public ConformalCalibration? Conformal { get; init; }

    /// <summary>
    /// Normalized split-conformal intervals, forecast ± q·s(issue) with s the weighted spread of
    /// positions (<see cref="ConformalScale.PositionSpread"/>), scored on held-out proposals like
    /// <see cref="Conformal"/>; <c>null</c> when not run or with fewer than two groups.
    /// </summary>
    public ConformalCalibration? NormalizedConformal { get; init; }

    /// <summary>Number of cases on which the model threw (their issues are not scored; see <see cref="FirstFailure"/>).</summary>
    public int Failures { get; init; }

    /// <summary>The first failure, <c>case ID: exception: message</c>, in case order; <c>null</c> when none.</summary>
    public string? FirstFailure { get; init; }

    /// <summary>Every scored issue, in case order then issue order.</summary>
    public required ImmutableArray<IssueError> Errors { get; init; }
}
