namespace Parley.Core.Models.ExpectedUtility;

/// <summary>
/// One offer of one round of the expected utility model: proposer <see cref="From"/> to receiver
/// <see cref="To"/>, classified from the receiver's point of view (both EUs are the receiver's
/// estimates, with the receiver's risk exponent).
/// </summary>
/// <param name="Issue">The issue id.</param>
/// <param name="From">The proposer j (the actor whose position is offered).</param>
/// <param name="To">The receiver i (the actor asked to move).</param>
/// <param name="Type"><c>confrontation</c>, <c>compromise</c> or <c>capitulation</c>.</param>
/// <param name="ReceiverEu">E_i = E^i(U_ij): the receiver's expected utility of challenging the proposer.</param>
/// <param name="ProposerEu">E_j = E^i(U_ji): the receiver's estimate of the proposer's expected utility of challenging it.</param>
/// <param name="OldPosition">The receiver's position before the round.</param>
/// <param name="NewPosition">Where the receiver would move on accepting.</param>
/// <param name="Accepted">Whether this is the offer the receiver took (at most one per receiver and round).</param>
public sealed record ExpectedUtilityOffer(
    string Issue,
    string From,
    string To,
    string Type,
    double ReceiverEu,
    double ProposerEu,
    double OldPosition,
    double NewPosition,
    bool Accepted);
