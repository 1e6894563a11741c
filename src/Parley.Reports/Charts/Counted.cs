using System.Globalization;

namespace Parley.Reports.Charts;

/// <summary>A count and its noun, singular for one ("1 round", "2 rounds", "1,000 draws"), for every sentence of the reports.</summary>
public static class Counted
{
    /// <summary>
    /// <paramref name="count"/> (with thousands separators, invariant culture) followed by
    /// <paramref name="singular"/> when it is 1 or -1, else by <paramref name="plural"/> (default: the singular plus "s").
    /// </summary>
    public static string Of(long count, string singular, string? plural = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(singular);
        var noun = Math.Abs(count) == 1 ? singular : plural ?? singular + "s";
        return count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun;
    }
}
