using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>
/// A model's conformal predictive intervals on a backtest (<see cref="ConformalIntervals"/>):
/// for each level, the half-width learned from all the errors and the coverage on held-out proposals.
/// </summary>
public sealed record ConformalCalibration
{
    /// <summary>The model's id.</summary>
    public required string Model { get; init; }

    /// <summary>The folds of proposals the errors were split into (each held out once).</summary>
    public required int Folds { get; init; }

    /// <summary>Scored issues (all of them are held out once).</summary>
    public required int Count { get; init; }

    /// <summary>The difficulty scale s the scores were divided by (<see cref="ConformalScale.Plain"/>: s = 1).</summary>
    public ConformalScale Scale { get; init; } = ConformalScale.Plain;

    /// <summary>The 50, 80 and 90 % levels (or those asked for), in ascending order.</summary>
    public required ImmutableArray<ConformalLevel> Levels { get; init; }

    /// <summary>
    /// The two cuts (points of spread, <see cref="ConformalScale.IssueDifficulty"/>) splitting the issues into terciles of
    /// difficulty; empty when a difficulty was not measured.
    /// </summary>
    public ImmutableArray<double> DifficultyCuts { get; init; } = [];

    /// <summary>
    /// Held-out coverage within each tercile of difficulty, per level (level ascending, then tercile
    /// 0, 1, 2): whether the intervals hold their level on easy and hard issues alike (conditional,
    /// not only marginal, coverage); empty when a difficulty was not measured.
    /// </summary>
    public ImmutableArray<ConformalStratum> ByDifficulty { get; init; } = [];
}
