using System.Collections.Immutable;
using Parley.Core.Influence;

namespace Parley.Application;

/// <summary>Who holds the key: each actor's influence on each issue's forecast under one model.</summary>
public sealed record InfluenceRequest
{
    /// <summary>The scenario.</summary>
    public ScenarioSource Scenario { get; init; } = ScenarioSource.BuiltIn();

    /// <summary>One model and its options (the seed also seeds sampled Shapley orders).</summary>
    public ModelRequest Models { get; init; } = new() { Models = "compromise", AllowSeveral = false };

    /// <summary>Blocs and delegations: <c>as-written</c>, <c>merge</c> or <c>split</c>.</summary>
    public string Blocs { get; init; } = "as-written";

    /// <summary>How far the smallest change of one input must move the forecast (on the issue's scale, above 0).</summary>
    public double Shift { get; init; } = InfluenceOptions.Default.Shift;

    /// <summary>Random orders sampled for Shapley values above <see cref="ExactLimit"/> players (1 or more).</summary>
    public int Samples { get; init; } = InfluenceOptions.Default.Permutations;

    /// <summary>Whether sampled Shapley values use the weighted-mean control variate (see <see cref="InfluenceOptions.ShapleyControl"/>).</summary>
    public bool ShapleyControl { get; init; } = InfluenceOptions.Default.ShapleyControl;

    /// <summary>Exact Shapley values up to this many players (0 to 20).</summary>
    public int ExactLimit { get; init; } = InfluenceOptions.Default.ExactLimit;

    /// <summary>Whether to search the smallest change that moves each forecast.</summary>
    public bool SearchSmallestChange { get; init; } = true;

    /// <summary>Only these inputs are searched (position, salience, capability); all three when empty.</summary>
    public ImmutableArray<string> SearchedInputs { get; init; } = [];

    /// <summary>Only these issues; every issue when empty.</summary>
    public ImmutableArray<string> Issues { get; init; } = [];

    /// <summary>Analyse the staged forecast rather than one round of talks with everyone.</summary>
    public bool Stages { get; init; }
}
