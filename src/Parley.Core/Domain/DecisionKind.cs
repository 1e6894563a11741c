namespace Parley.Core.Domain;

/// <summary>How the voters of a <see cref="DecisionRules"/> carry a decision.</summary>
public enum DecisionKind
{
    /// <summary>Every voter must agree (each voter is a veto player).</summary>
    Unanimity,

    /// <summary>The voters in favour must reach a quota of the voting weight (and, if set, a number of members).</summary>
    QualifiedMajority,

    /// <summary>The voters in favour must hold more than half of the voting weight.</summary>
    SimpleMajority,
}
