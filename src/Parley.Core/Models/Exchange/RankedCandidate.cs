namespace Parley.Core.Models.Exchange;

/// <summary>
/// A candidate's place in the queue: higher gain first, then lower <paramref name="Order"/> (the
/// tie rule: the candidate's index, its creation order, unless the tie coin moved it back).
/// </summary>
/// <param name="Gain">The gain the candidate is ranked by.</param>
/// <param name="Index">The candidate.</param>
/// <param name="Order">Its place among equal gains.</param>
internal readonly record struct RankedCandidate(double Gain, int Index, int Order) : IComparable<RankedCandidate>
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

        return Order.CompareTo(other.Order);
    }
}
