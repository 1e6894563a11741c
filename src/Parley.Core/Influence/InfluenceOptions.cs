using System.Collections.Immutable;

namespace Parley.Core.Influence;

/// <summary>Options of an influence analysis (<see cref="InfluenceAnalysis"/>).</summary>
public sealed record InfluenceOptions
{
    /// <summary>The inputs of a stance the search can change, in the order it tries them: <c>position</c>, <c>salience</c>, <c>capability</c>.</summary>
    /// <remarks>Declared before <see cref="Default"/>, whose <see cref="SearchedInputs"/> it initialises.</remarks>
    public static ImmutableArray<string> InputNames { get; } = ["position", "salience", "capability"];

    /// <summary>The defaults: shift 5, exact Shapley values up to 12 players, 270 sampled permutations beyond (with the control variate), seed 0.</summary>
    public static InfluenceOptions Default { get; } = new();

    /// <summary>How far, on the issue's scale, the smallest change of one input must move the forecast. Positive.</summary>
    public double Shift { get; init; } = 5;

    /// <summary>Exact Shapley values (every coalition, 2ⁿ runs) up to this many players; sampled permutations above.</summary>
    public int ExactLimit { get; init; } = 12;

    /// <summary>Random permutations sampled when there are more players than <see cref="ExactLimit"/>.</summary>
    public int Permutations { get; init; } = 270;

    /// <summary>
    /// Whether sampled Shapley values use the compromise model's weighted mean as a control variate
    /// (<see cref="InfluenceAnalysis"/>): the same expected values with a smaller standard error for
    /// the same orders. <c>false</c> gives the plain mean of the sampled contributions.
    /// </summary>
    public bool ShapleyControl { get; init; } = true;

    /// <summary>Seed of the permutation sampler.</summary>
    public ulong Seed { get; init; }

    /// <summary>Most bisection steps of the smallest-change search (each halves the bracket).</summary>
    public int SearchSteps { get; init; } = 40;

    /// <summary>The default <see cref="SearchPrecision"/>: 5 × 10⁻⁴ of the change.</summary>
    public const double DefaultSearchPrecision = 5e-4;

    /// <summary>
    /// Relative precision of the smallest-change search, from 0 (inclusive) to 1 (exclusive). Bisection
    /// stops once the bracket, from the last value tried that did not move the forecast enough
    /// (<see cref="InputChange.Unmoved"/>) to the value reported (<see cref="InputChange.To"/>), is no
    /// wider than this share of the change <c>|To − From|</c>, or once the change is knife-edge
    /// (<see cref="InputChange.KnifeEdgeSize"/>). The default, 5 × 10⁻⁴, is under half a unit of the
    /// third significant digit the table prints. 0 bisects for all <see cref="SearchSteps"/> steps
    /// (or until the bracket cannot be split in doubles).
    /// </summary>
    public double SearchPrecision { get; init; } = DefaultSearchPrecision;

    /// <summary>
    /// The issues to analyse; empty for every issue with a forecast. The model still runs on the
    /// whole scenario, since models that trade across issues forecast each issue from all of them.
    /// </summary>
    public ImmutableArray<string> Issues { get; init; } = [];

    /// <summary>Whether to search for the smallest change of one input (the costliest part).</summary>
    public bool SearchSmallestChange { get; init; } = true;

    /// <summary>
    /// The inputs whose smallest change is searched (a subset of <see cref="InputNames"/>): all three by default;
    /// fewer cost proportionally less (the exchange model on Decide's cop21 spends about 85 % of an analysis in
    /// the search, a third of it per input).
    /// </summary>
    public ImmutableArray<string> SearchedInputs { get; init; } = InputNames;

    /// <summary>
    /// Receives the number of issues whose analysis is complete (0 once the Shapley values of every
    /// issue are known, then one more per issue's smallest-change search), up to the issues analysed;
    /// <c>null</c> for none.
    /// </summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>
    /// Receives finer progress than <see cref="Progress"/>: the coalition runs done of those the Shapley
    /// values need, then the smallest-change searches done (<see cref="InfluenceProgress"/>), so that a
    /// long analysis shows movement and a time left from the start; <c>null</c> for none.
    /// </summary>
    public IProgress<InfluenceProgress>? PhaseProgress { get; init; }
}
