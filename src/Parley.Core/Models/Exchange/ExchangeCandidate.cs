namespace Parley.Core.Models.Exchange;

/// <summary>
/// A possible exchange of a round: actor <see cref="SupplierP"/> moves on issue <see cref="P"/>
/// towards actor <see cref="SupplierQ"/>, who moves on issue <see cref="Q"/> in return.
/// Indices are into the run's actor and issue arrays.
/// </summary>
internal readonly record struct ExchangeCandidate(int P, int Q, int SupplierP, int SupplierQ);

/// <summary>A candidate's place in the queue: higher gain first, then lower candidate index (the documented tie rule).</summary>
internal readonly record struct RankedCandidate(double Gain, int Index) : IComparable<RankedCandidate>
{
    /// <summary>Negative when this candidate is to be realised before <paramref name="other"/>.</summary>
    public int CompareTo(RankedCandidate other)
    {
        if (Gain > other.Gain)
        {
            return -1;
        }

        if (Gain < other.Gain)
        {
            return 1;
        }

        return Index.CompareTo(other.Index);
    }
}

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
