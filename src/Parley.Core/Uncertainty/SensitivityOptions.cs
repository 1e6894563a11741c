using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Core.Uncertainty;

/// <summary>Options of a sensitivity analysis (<see cref="Sensitivity.Run"/>).</summary>
public sealed record SensitivityOptions
{
    /// <summary>The default number of Monte Carlo draws for the rank correlations.</summary>
    public const int DefaultDraws = 5_000;

    /// <summary>
    /// Monte Carlo draws for the rank correlations, 0 to 100,000; 0 computes the one-at-a-time
    /// swings only. All draws are kept in memory (inputs + forecasts, 8 bytes each), which is why
    /// the number is capped.
    /// </summary>
    public int Draws { get; init; } = DefaultDraws;

    /// <summary>Seed of the draws.</summary>
    public ulong Seed { get; init; }

    /// <summary>Worker threads for the draws; 0 for one per processor. Never changes the result.</summary>
    public int Threads { get; init; }

    /// <summary>The model's own options.</summary>
    public ModelOptions ModelOptions { get; init; } = ModelOptions.Default;

    /// <summary>Spread of inputs without their own range; <c>null</c> for the scenario's, else <see cref="DefaultSpread.Standard"/>.</summary>
    public DefaultSpread? Spread { get; init; }

    /// <summary>Receives the number of model runs done so far, up to <see cref="Sensitivity.ModelRuns"/>: the swings' runs, then the draws.</summary>
    public IProgress<long>? Progress { get; init; }
}
