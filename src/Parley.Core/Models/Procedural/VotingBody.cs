using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Power;

namespace Parley.Core.Models.Procedural;

/// <summary>
/// The decision rules of one issue made concrete: the voters with their weights and positions,
/// and the players whose consent is needed besides (veto players, and the agenda setter when
/// the game asks for it). Positions are <c>null</c> for actors without a stance on the issue:
/// they have said nothing against any proposal and are counted in favour of every one, as an
/// abstaining Council member does not block unanimity (Art. 238(4) TFEU).
/// </summary>
internal sealed class VotingBody
{
    private VotingBody(DecisionRules rules, ImmutableArray<(string Id, double Weight, double? Position)> voters, ImmutableArray<(string Id, double? Position)> required, ImmutableArray<double?> vetoPositions)
    {
        Rules = rules;
        Voters = voters;
        Required = required;
        VetoPositions = vetoPositions;
    }

    public DecisionRules Rules { get; }

    /// <summary>The voters, in the order of the rules (or of the stances when the rules name none).</summary>
    public ImmutableArray<(string Id, double Weight, double? Position)> Voters { get; }

    /// <summary>The players outside the voting body whose consent is needed (veto players, and the setter when asked).</summary>
    public ImmutableArray<(string Id, double? Position)> Required { get; }

    /// <summary>The positions of every player whose consent is needed besides the vote, voters among them.</summary>
    public ImmutableArray<double?> VetoPositions { get; }

    /// <summary>The body deciding <paramref name="issueId"/> under the scenario's rules (unanimity of the actors with a stance when it has none).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="setterIsRequired">Whether the agenda setter's consent counts as a veto (the power game) or not (the pivot model, where the setter proposes).</param>
    public static VotingBody For(Scenario scenario, string issueId, bool setterIsRequired)
    {
        var rules = scenario.Rules ?? DecisionRules.Unanimous;
        var stances = scenario.StancesOn(issueId);
        var positions = stances.ToDictionary(s => s.ActorId, s => s.Position, StringComparer.Ordinal);
        double? PositionOf(string id) => positions.TryGetValue(id, out var position) ? position : null;
        var voterIds = rules.Voters.IsEmpty ? stances.Select(s => s.ActorId).ToImmutableArray() : rules.Voters;
        var voters = voterIds.Select(id => (id, rules.WeightOf(id), PositionOf(id))).ToImmutableArray();
        var vetoes = rules.VetoPlayersOn(issueId)
            .Concat(setterIsRequired && rules.AgendaSetter is { } setter ? [setter] : [])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var required = vetoes.Where(id => !voterIds.Contains(id, StringComparer.Ordinal)).Select(id => (id, PositionOf(id))).ToImmutableArray();
        return new VotingBody(rules, voters, required, [.. vetoes.Select(PositionOf)]);
    }

    /// <summary>
    /// The farthest point from the status quo <paramref name="statusQuo"/> in direction
    /// <paramref name="direction"/> (+1 up, −1 down) that the body accepts against it: its win set's
    /// end on that side (Tsebelis 2002, <i>Veto Players</i>, ch. 1; in one dimension the pivot's
    /// reflection of the status quo). Each voter at x accepts the points no farther from x than q
    /// is, up to 2x − q; the voters are taken from the most accepting down until they carry the
    /// decision, and every required player bounds the result by its own reflection.
    /// </summary>
    public double WinSetEnd(double statusQuo, int direction)
    {
        double Reach(double? position) => position is { } x
            ? (direction * (x - statusQuo) > 0 ? (2 * x) - statusQuo : statusQuo)
            : direction * double.PositiveInfinity;

        var reaches = Voters.Select(v => (Reach: Reach(v.Position), v.Weight)).OrderByDescending(v => direction * v.Reach).ToArray();
        var totalWeight = Voters.Sum(v => v.Weight);
        double weight = 0;
        var end = statusQuo;
        var carried = false;
        for (var k = 0; k < reaches.Length; k++)
        {
            weight += reaches[k].Weight;
            if (Rules.Carries(k + 1, weight, reaches.Length, totalWeight))
            {
                end = reaches[k].Reach;
                carried = true;
                break;
            }
        }

        if (!carried && reaches.Length > 0)
        {
            return statusQuo;
        }

        foreach (var position in VetoPositions)
        {
            var reach = Reach(position);
            end = direction > 0 ? Math.Min(end, reach) : Math.Max(end, reach);
        }

        return direction > 0 ? Math.Max(end, statusQuo) : Math.Min(end, statusQuo);
    }

    /// <summary>
    /// Each voter's and required player's Shapley–Shubik index in the game "the voters in favour
    /// carry the decision and every required player agrees" (<see cref="ShapleyShubik.Compute"/>),
    /// by actor id. Weights are used as they are when whole, else in hundredths.
    /// </summary>
    public ImmutableSortedDictionary<string, double> Power()
    {
        var power = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (Voters.IsEmpty)
        {
            foreach (var (id, _) in Required)
            {
                power[id] = 1.0 / Required.Length;
            }

            return power.ToImmutable();
        }

        var whole = Voters.All(v => v.Weight == Math.Floor(v.Weight) && v.Weight <= 1_000_000);
        var scale = whole ? 1.0 : 100.0;
        var weights = Voters.Select(v => (int)Math.Round(v.Weight * scale)).ToArray();
        long total = weights.Sum(w => (long)w);
        var count = weights.Length;
        var rules = Rules with { Quota = Rules.Quota * scale };
        var indices = ShapleyShubik.Compute(weights, (size, weight) => rules.Carries(size, weight, count, total), Required.Length);
        for (var i = 0; i < count; i++)
        {
            power[Voters[i].Id] = power.GetValueOrDefault(Voters[i].Id) + indices[i];
        }

        var rest = Math.Max(0, 1 - indices.Sum());
        foreach (var (id, _) in Required)
        {
            power[id] = power.GetValueOrDefault(id) + (rest / Required.Length);
        }

        return power.ToImmutable();
    }
}
