using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>How <see cref="Calibration"/> scores the Monte Carlo intervals of a backtest.</summary>
public sealed record CalibrationOptions
{
    /// <summary>The default draws per case and spread: enough for 50–90 % intervals, few enough to run every model on DEU III in seconds.</summary>
    public const int DefaultDraws = 50;

    /// <summary>Monte Carlo draws per case and candidate spread, 10 or more.</summary>
    public int Draws { get; init; } = DefaultDraws;

    /// <summary>Seed of the draws; case c uses seed <c>Seed + c</c>.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The candidate default spreads (one number for positions, saliences and capabilities, see
    /// <see cref="Domain.DefaultSpread"/>), in ascending order: ties in calibration go to the narrower.
    /// </summary>
    public ImmutableArray<double> Spreads { get; init; } = [0.25, 0.5, 1.0];

    /// <summary>Folds of the grouped cross-validation that chooses the spread.</summary>
    public int Folds { get; init; } = CrossValidation.DefaultFolds;
}
