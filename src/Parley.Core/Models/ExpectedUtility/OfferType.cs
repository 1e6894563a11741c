namespace Parley.Core.Models.ExpectedUtility;

/// <summary>What a proposer's offer asks of its receiver, from the receiver's point of view.</summary>
internal enum OfferType
{
    /// <summary>Both expect to gain from a confrontation and the proposer more: the receiver expects to lose it and moves to the proposer's position.</summary>
    Confrontation,

    /// <summary>The proposer expects to gain more than the receiver expects to lose: the receiver moves part of the way, in proportion |E_i / E_j|.</summary>
    Compromise,

    /// <summary>The receiver expects to lose more than the proposer expects to gain: it gives in and moves to the proposer's position.</summary>
    Capitulation,
}
