namespace Parley.Core.Models.Exchange;

/// <summary>
/// What an exchange would do now: the outcome shifts on both issues (0–100 units), the largest
/// shifts the limits allow, the equal gain and the two actors' signed moves, and the seen shifts
/// of the two demanding actors up to which all of this stays the same (its steady limits).
/// </summary>
internal readonly record struct ExchangeProposal(
    double ShiftP,
    double ShiftQ,
    double MaxShiftP,
    double MaxShiftQ,
    double Gain,
    int DirectionP,
    int DirectionQ,
    float SteadyP,
    float SteadyQ);
