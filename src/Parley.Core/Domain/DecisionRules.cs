using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>
/// Who must agree for a negotiation to move an issue away from its status quo, and who proposes:
/// a voting body (<see cref="Voters"/> with <see cref="Weights"/> and a <see cref="Decision"/>
/// rule), veto players whose consent is needed besides, and an agenda setter. Read by the
/// procedural models (<c>pivot</c>, <c>power-compromise</c>); the other models ignore it.
/// </summary>
/// <remarks>
/// A coalition of voters carries the decision when (<see cref="Carries"/>): under unanimity it
/// holds every voter; under simple majority more than half the voting weight; under qualified
/// majority at least <see cref="Quota"/> of the weight and at least <see cref="MinimumMembers"/>
/// voters, or else so many voters that those left out number fewer than
/// <see cref="BlockingMembers"/> (the Lisbon rule that a blocking minority needs four members,
/// Art. 16(4) TEU). Veto players (all issues, and per issue) must be in favour in every case.
/// </remarks>
public sealed record DecisionRules
{
    /// <summary>How the voters decide; default unanimity.</summary>
    public DecisionKind Decision { get; init; } = DecisionKind.Unanimity;

    /// <summary>The voters' actor ids; empty means every actor with a stance on the issue.</summary>
    public ImmutableArray<string> Voters { get; init; } = [];

    /// <summary>Voting weight by actor id (votes, population); a voter without an entry weighs 1.</summary>
    public ImmutableSortedDictionary<string, double> Weights { get; init; } = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>Qualified majority: the voting weight the voters in favour must reach (e.g. 255 of 345 votes).</summary>
    public double? Quota { get; init; }

    /// <summary>Qualified majority: the number of voters in favour needed besides the quota (e.g. a majority of members).</summary>
    public int? MinimumMembers { get; init; }

    /// <summary>Qualified majority: a blocking minority needs at least this many voters (Lisbon: 4); <c>null</c> for no such clause.</summary>
    public int? BlockingMembers { get; init; }

    /// <summary>Actors whose consent every change needs (e.g. the Parliament under co-decision).</summary>
    public ImmutableArray<string> VetoPlayers { get; init; } = [];

    /// <summary>Further veto players on single issues, by issue id (e.g. Ukraine on territory).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> IssueVetoPlayers { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    /// <summary>The actor who makes the proposal the others accept or reject (e.g. the Commission); <c>null</c> for an open agenda.</summary>
    public string? AgendaSetter { get; init; }

    /// <summary>The procedure's name, as a label (e.g. <c>COD</c>, <c>CNS</c>); not interpreted.</summary>
    public string? Procedure { get; init; }

    /// <summary>The rules when a scenario states none: unanimity of every actor with a stance, open agenda.</summary>
    public static DecisionRules Unanimous { get; } = new();

    /// <summary>The veto players on <paramref name="issueId"/>: those on every issue, then that issue's own, without repeats.</summary>
    public ImmutableArray<string> VetoPlayersOn(string issueId) =>
        [.. VetoPlayers.Concat(IssueVetoPlayers.GetValueOrDefault(issueId, [])).Distinct(StringComparer.Ordinal)];

    /// <summary>The voting weight of <paramref name="actorId"/>: its entry in <see cref="Weights"/>, else 1.</summary>
    public double WeightOf(string actorId) => Weights.GetValueOrDefault(actorId, 1.0);

    /// <summary>
    /// Whether voters in favour, <paramref name="members"/> of them with weight
    /// <paramref name="weight"/>, carry the decision in a body of <paramref name="totalMembers"/>
    /// voters with weight <paramref name="totalWeight"/> (veto players aside).
    /// </summary>
    public bool Carries(int members, double weight, int totalMembers, double totalWeight) => Decision switch
    {
        DecisionKind.Unanimity => members >= totalMembers,
        DecisionKind.SimpleMajority => weight > totalWeight / 2,
        _ => (members >= (MinimumMembers ?? 0) && weight >= (Quota ?? totalWeight / 2))
            || (BlockingMembers is { } blocking && members >= (MinimumMembers ?? 0) && totalMembers - members < blocking),
    };
}
