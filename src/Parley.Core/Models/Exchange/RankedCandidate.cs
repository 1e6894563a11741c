namespace Parley.Core.Models.Exchange;

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
