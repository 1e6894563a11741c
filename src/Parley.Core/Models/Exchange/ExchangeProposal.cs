namespace Parley.Core.Models.Exchange;

/// <summary>
/// What an exchange would do now: the outcome shifts on both issues (0–100 units; with REX the
/// randomised exchange's), the equal gain and the gain it is ranked by (see
/// <see cref="ExchangeEngine.RankingGain"/>), the directions of the two actors' moves, and the
/// seen shifts of the two demanding actors up to which all of this stays the same (its steady limits).
/// </summary>
internal readonly record struct ExchangeProposal(
    double ShiftP,
    double ShiftQ,
    double Gain,
    double Rank,
    int DirectionP,
    int DirectionQ,
    float SteadyP,
    float SteadyQ);
