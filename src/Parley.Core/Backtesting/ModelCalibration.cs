using System.Collections.Immutable;
using Parley.Core.Scoring;

namespace Parley.Core.Backtesting;

/// <summary>
/// The calibration of one model's Monte Carlo intervals on a backtest: each candidate spread on
/// all the data, the spread chosen in each fold and on all the data, and the held-out scores.
/// </summary>
public sealed record ModelCalibration
{
    /// <summary>The model's id.</summary>
    public required string Model { get; init; }

    /// <summary>Draws per case and spread.</summary>
    public required int Draws { get; init; }

    /// <summary>Every candidate spread on all the data, in candidate order.</summary>
    public required ImmutableArray<SpreadCalibration> BySpread { get; init; }

    /// <summary>The spread chosen on all the data: the one a user of this model on such cases should set.</summary>
    public required double ChosenSpread { get; init; }

    /// <summary>The spread chosen in each fold from the other folds.</summary>
    public required ImmutableArray<double> SpreadPerFold { get; init; }

    /// <summary>Mean CRPS on the held-out folds with each fold's chosen spread, in points of 0–100.</summary>
    public required double MeanCrps { get; init; }

    /// <summary>Coverage of the 50, 80 and 90 % intervals on the held-out folds with each fold's chosen spread.</summary>
    public required ImmutableArray<IntervalCoverage> Coverage { get; init; }

    /// <summary>Issues scored.</summary>
    public required int Count { get; init; }
}
