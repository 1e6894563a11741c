using System.Globalization;

namespace Parley.Core.Domain;

/// <summary>
/// Dates as scenarios write them: ISO 8601 calendar dates, <c>2025-08-15</c>, or for a scenario's
/// own date also a month (<c>2025-08</c>) or a year (<c>2025</c>), read as its first day.
/// </summary>
public static class IsoDate
{
    /// <summary>Parses a full date, <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDay(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Parses <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>, giving the first day of the period.</summary>
    public static bool TryParseStart(string? text, out DateOnly date)
    {
        var trimmed = text?.Trim();
        if (TryParseDay(trimmed, out date))
        {
            return true;
        }

        return DateOnly.TryParseExact(trimmed, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(trimmed, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>The date as <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
