namespace Parley.Core.Models.Exchange;

/// <summary>
/// What an exchange would do now: the outcome shifts on both issues (0–100 units), the largest
/// shifts the limits allow, the equal gain and the two actors' signed moves.
/// </summary>
internal readonly record struct ExchangeProposal(
    double ShiftP,
    double ShiftQ,
    double MaxShiftP,
    double MaxShiftQ,
    double Gain,
    int DirectionP,
    int DirectionQ);
