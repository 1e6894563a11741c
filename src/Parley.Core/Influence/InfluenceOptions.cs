using System.Collections.Immutable;

namespace Parley.Core.Influence;

/// <summary>Options of an influence analysis (<see cref="InfluenceAnalysis"/>).</summary>
public sealed record InfluenceOptions
{
    /// <summary>The defaults: shift 5, exact Shapley values up to 12 players, 400 sampled permutations beyond, seed 0.</summary>
    public static InfluenceOptions Default { get; } = new();

    /// <summary>How far, on the issue's scale, the smallest change of one input must move the forecast. Positive.</summary>
    public double Shift { get; init; } = 5;

    /// <summary>Exact Shapley values (every coalition, 2ⁿ runs) up to this many players; sampled permutations above.</summary>
    public int ExactLimit { get; init; } = 12;

    /// <summary>Random permutations sampled when there are more players than <see cref="ExactLimit"/>.</summary>
    public int Permutations { get; init; } = 400;

    /// <summary>Seed of the permutation sampler.</summary>
    public ulong Seed { get; init; }

    /// <summary>Bisection steps of the smallest-change search (each halves the bracket).</summary>
    public int SearchSteps { get; init; } = 40;

    /// <summary>
    /// The issues to analyse; empty for every issue with a forecast. The model still runs on the
    /// whole scenario, since models that trade across issues forecast each issue from all of them.
    /// </summary>
    public ImmutableArray<string> Issues { get; init; } = [];

    /// <summary>Whether to search for the smallest change of one input (the costliest part).</summary>
    public bool SearchSmallestChange { get; init; } = true;

    /// <summary>
    /// Receives the number of issues whose analysis is complete (0 once the Shapley values of every
    /// issue are known, then one more per issue's smallest-change search), up to the issues analysed;
    /// <c>null</c> for none.
    /// </summary>
    public IProgress<long>? Progress { get; init; }
}
