using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Formats.Deu;

/// <summary>
/// The <see cref="DeuCapability.Votes"/> capabilities of one DEU issue: the member states'
/// share of Council voting power under the row's rule, and the Commission's and Parliament's
/// weights by legislative procedure.
/// </summary>
/// <remarks>
/// <para>Member states: the Shapley–Shubik index under the qualified-majority rule of the period
/// (<see cref="CouncilRegimes"/>); under unanimity every member is a veto player and has 1/n.
/// The member states' indices sum to 1: the Council as a whole weighs 1.</para>
/// <para>Commission and Parliament: a Council-centric weighting. Thomson &amp; Hosli (2006, "Who
/// has power in the EU?", <i>JCMS</i> 44(2): 391–417) and Thomson (2011, <i>Resolving Controversy
/// in the European Union</i>, CUP, ch. 8) found that bargaining models giving the Commission and
/// the Parliament much less power than the Council as a whole forecast DEU outcomes
/// significantly better than supranational weightings. We therefore weigh each like the most
/// powerful member state of the row's rule (about 1/12 under Nice QMV, 1/n under unanimity):
/// the Commission in every procedure (it drafts the proposal, and under consultation the Council
/// can amend it only by unanimity, Art. 250(1) EC / 293(1) TFEU); the Parliament only where its
/// consent is needed, under co-decision (<c>COD</c>, Art. 251 EC / 294 TFEU) and assent
/// (<c>AVC</c>, <c>APP</c>), and 0 under consultation (<c>CNS</c>) and other procedures, where its
/// opinion does not bind (Crombez 1996, <i>European Journal of Political Research</i> 30(2);
/// Tsebelis &amp; Garrett 2000, <i>European Union Politics</i> 1(1)).</para>
/// </remarks>
public static class DeuVotingWeights
{
    /// <summary>The procedure codes under which the Parliament's consent is needed.</summary>
    public static ImmutableArray<string> CoLegislatorProcedures { get; } = ["COD", "AVC", "APP"];

    /// <summary>The Commission's actor code in DEU files.</summary>
    public const string Commission = "com";

    /// <summary>The Parliament's actor code in DEU files.</summary>
    public const string Parliament = "ep";

    /// <summary>Whether <paramref name="rule"/> (the <c>counvte</c> cell) means unanimity.</summary>
    public static bool IsUnanimity(string rule) =>
        rule.StartsWith("Unan", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="rule"/> is a voting rule the reader knows: <c>QMV</c> or <c>Unan</c>/<c>Unanimity</c>.</summary>
    public static bool IsKnownRule(string rule) =>
        string.Equals(rule, "QMV", StringComparison.OrdinalIgnoreCase) || IsUnanimity(rule);

    /// <summary>The capability of every actor code in <paramref name="actors"/> under <paramref name="regime"/>.</summary>
    /// <param name="regime">The Council's rule of the period.</param>
    /// <param name="rule">The row's <c>counvte</c>: QMV or unanimity.</param>
    /// <param name="procedure">The row's <c>proc</c>, e.g. COD or CNS.</param>
    /// <param name="actors">Actor codes: <c>com</c>, <c>ep</c> or member states of <paramref name="regime"/>.</param>
    public static ImmutableSortedDictionary<string, double> For(CouncilRegime regime, string rule, string procedure, IEnumerable<string> actors)
    {
        ArgumentNullException.ThrowIfNull(regime);
        var power = IsUnanimity(rule) ? regime.UnanimityPower : regime.QualifiedMajorityPower;
        var strongest = power.Values.Max();
        var parliament = CoLegislatorProcedures.Contains(procedure.Trim(), StringComparer.OrdinalIgnoreCase) ? strongest : 0;
        return actors.Distinct(StringComparer.Ordinal).ToImmutableSortedDictionary(
            code => code,
            code => code switch
            {
                Commission => strongest,
                Parliament => parliament,
                _ => power.GetValueOrDefault(code),
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The decision rules of one DEU row (<see cref="DecisionRules"/>): the Commission as agenda
    /// setter, the Parliament as veto player where its consent is needed (<see cref="CoLegislatorProcedures"/>),
    /// and the Council's rule among the member states that recorded a position.
    /// </summary>
    /// <remarks>
    /// Member states without a recorded position are taken to support the outcome (they raised
    /// no objection; under unanimity an abstention does not block, Art. 238(4) TFEU). They are
    /// folded into the rule rather than listed, so the scenario stays self-contained: their
    /// weight comes off the quota and their number off the members needed (the quota stays at
    /// least the smallest weight present, so that some voter must agree), and a blocking
    /// minority's size is unchanged (it counts the members against). The Commission and the
    /// Parliament take part only when they recorded a position.
    /// </remarks>
    /// <param name="regime">The Council's rule of the period; <c>null</c> when unknown (then only unanimity is read).</param>
    /// <param name="rule">The row's <c>counvte</c>.</param>
    /// <param name="procedure">The row's <c>proc</c>.</param>
    /// <param name="codes">The actors that recorded a position.</param>
    /// <returns>The rules, or <c>null</c> under qualified majority without a known regime.</returns>
    public static DecisionRules? RulesFor(CouncilRegime? regime, string rule, string procedure, IReadOnlyCollection<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var present = codes.Where(c => c is not (Commission or Parliament)).ToImmutableArray();
        var common = new DecisionRules
        {
            Procedure = procedure.Trim(),
            AgendaSetter = codes.Contains(Commission) ? Commission : null,
            VetoPlayers = codes.Contains(Parliament) && CoLegislatorProcedures.Contains(procedure.Trim(), StringComparer.OrdinalIgnoreCase) ? [Parliament] : [],
        };
        if (IsUnanimity(rule))
        {
            return common with { Decision = DecisionKind.Unanimity, Voters = present };
        }

        if (regime is null || present.IsEmpty || present.Any(c => !regime.Weights.ContainsKey(c)))
        {
            return null;
        }

        var council = regime.QualifiedMajority;
        var absent = regime.Weights.Where(w => !present.Contains(w.Key, StringComparer.Ordinal)).ToArray();
        var smallest = present.Min(c => regime.Weights[c]);
        return common with
        {
            Decision = DecisionKind.QualifiedMajority,
            Voters = present,
            Weights = present.ToImmutableSortedDictionary(c => c, c => (double)regime.Weights[c], StringComparer.Ordinal),
            Quota = Math.Max(smallest, regime.Quota - absent.Sum(w => (long)w.Value)),
            MinimumMembers = Math.Max(1, regime.MinimumMembers - absent.Length),
            BlockingMembers = council.BlockingMembers,
        };
    }
}
