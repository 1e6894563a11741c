namespace Parley.Application;

/// <summary>
/// A Monte Carlo or sensitivity analysis of one model: the scenario's uncertain inputs are drawn
/// <see cref="Draws"/> times; draw i uses the random stream (seed, i), so any thread count gives the same result.
/// </summary>
public sealed record UncertaintyRequest
{
    /// <summary>The scenario.</summary>
    public ScenarioSource Scenario { get; init; } = ScenarioSource.BuiltIn();

    /// <summary>One model and its options; the seed seeds the draws.</summary>
    public ModelRequest Models { get; init; } = new() { Models = "compromise", AllowSeveral = false };

    /// <summary>Number of draws (Monte Carlo 1 to 1,000,000,000; sensitivity 0 to 100,000).</summary>
    public int? Draws { get; init; }

    /// <summary>Worker threads, 0 (one per processor) to 1024. The result does not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Default spread 0-1 for inputs without a range; <c>null</c> for the scenario's.</summary>
    public double? Spread { get; init; }

    /// <summary>Monte Carlo: histogram bins per issue, 1 to 1000.</summary>
    public int Bins { get; init; } = 20;
}
