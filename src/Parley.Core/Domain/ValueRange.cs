namespace Parley.Core.Domain;

/// <summary>
/// An analyst's uncertainty about one input: the plausible interval <c>[Low, High]</c> and,
/// optionally, a standard deviation for draws that should concentrate near the point estimate.
/// </summary>
/// <param name="Low">Lowest plausible value, on the same scale as the estimate.</param>
/// <param name="High">Highest plausible value; not below <paramref name="Low"/>.</param>
/// <param name="StandardDeviation">Optional spread of a normal draw (truncated to the interval).</param>
public sealed record ValueRange(double Low, double High, double? StandardDeviation = null)
{
    /// <summary>Whether <paramref name="value"/> lies inside the interval (inclusive).</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
