using System.Collections.Immutable;
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
/// <param name="IsWinning">Whether a coalition of this many members with this total weight carries a qualified majority.</param>
public sealed record CouncilRegime(string Name, DateOnly From, ImmutableSortedDictionary<string, int> Weights, Func<int, long, bool> IsWinning)
{
    private readonly Lazy<ImmutableSortedDictionary<string, double>> qualifiedMajorityPower = new(() => Compute(Weights, IsWinning));

    /// <summary>Each member's Shapley–Shubik index under qualified majority; the indices sum to 1.</summary>
    public ImmutableSortedDictionary<string, double> QualifiedMajorityPower => qualifiedMajorityPower.Value;

    /// <summary>Each member's index under unanimity: every member is a veto player, so each has 1/n.</summary>
    public ImmutableSortedDictionary<string, double> UnanimityPower =>
        Weights.ToImmutableSortedDictionary(w => w.Key, _ => 1.0 / Weights.Count, StringComparer.Ordinal);

    private static ImmutableSortedDictionary<string, double> Compute(ImmutableSortedDictionary<string, int> weights, Func<int, long, bool> isWinning)
    {
        var codes = weights.Keys.ToArray();
        var indices = ShapleyShubik.Compute(codes.Select(c => weights[c]).ToArray(), isWinning);
        return codes.Select((code, i) => (code, indices[i]))
            .ToImmutableSortedDictionary(p => p.code, p => p.Item2, StringComparer.Ordinal);
    }
}
