using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Power;

namespace Parley.Formats.Deu;

/// <summary>
/// The Council of the EU's qualified-majority rule in one period: who the members are, their
/// weights (votes, or population in units of 0.1 million under the double majority) and what
/// wins. Each member's share of power is its Shapley–Shubik index (<see cref="ShapleyShubik"/>).
/// </summary>
/// <param name="Name">Short name, e.g. <c>Nice EU27</c>, shown in scenario descriptions.</param>
/// <param name="From">First day the rule applied.</param>
/// <param name="Weights">Member-state code to weight.</param>
/// <param name="Quota">The weight a qualified majority must reach.</param>
/// <param name="MinimumMembers">The members a qualified majority must have besides.</param>
/// <param name="BlockingMembers">The members a blocking minority needs (Lisbon: 4); <c>null</c> when the rule has no such clause.</param>
public sealed record CouncilRegime(string Name, DateOnly From, ImmutableSortedDictionary<string, int> Weights, long Quota, int MinimumMembers, int? BlockingMembers)
{
    private ImmutableSortedDictionary<string, double>? qualifiedMajorityPower;
    private DecisionRules? qualifiedMajority;

    /// <summary>The qualified-majority rule as decision rules: every member a voter with its weight.</summary>
    public DecisionRules QualifiedMajority => qualifiedMajority ??= new()
    {
        Decision = DecisionKind.QualifiedMajority,
        Voters = [.. Weights.Keys],
        Weights = Weights.ToImmutableSortedDictionary(w => w.Key, w => (double)w.Value, StringComparer.Ordinal),
        Quota = Quota,
        MinimumMembers = MinimumMembers,
        BlockingMembers = BlockingMembers,
    };

    /// <summary>Each member's Shapley–Shubik index under qualified majority; the indices sum to 1.</summary>
    public ImmutableSortedDictionary<string, double> QualifiedMajorityPower => qualifiedMajorityPower ??= Compute(Weights, QualifiedMajority.Carries);

    /// <summary>Each member's index under unanimity: every member is a veto player, so each has 1/n.</summary>
    public ImmutableSortedDictionary<string, double> UnanimityPower =>
        Weights.ToImmutableSortedDictionary(w => w.Key, _ => 1.0 / Weights.Count, StringComparer.Ordinal);

    private static ImmutableSortedDictionary<string, double> Compute(ImmutableSortedDictionary<string, int> weights, Func<int, double, int, double, bool> carries)
    {
        var codes = weights.Keys.ToArray();
        long total = weights.Values.Sum();
        var indices = ShapleyShubik.Compute(codes.Select(c => weights[c]).ToArray(), (size, weight) => carries(size, weight, codes.Length, total));
        return codes.Select((code, i) => (code, indices[i]))
            .ToImmutableSortedDictionary(p => p.code, p => p.Item2, StringComparer.Ordinal);
    }
}
