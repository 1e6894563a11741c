using System.Globalization;

namespace Parley.Reports.Charts;

/// <summary>Numbers printed with the precision their scale calls for: 1 decimal on 0–100, 3 on 0–1.</summary>
public static class ScaleNumber
{
    /// <summary>Decimals for values on a scale <paramref name="width"/> wide: 3 − ⌊log10 width⌋, from 0 to 4.</summary>
    public static int Decimals(double width) =>
        !double.IsFinite(width) || width <= 0 ? 2 : Math.Clamp(3 - (int)Math.Floor(Math.Log10(width)), 0, 4);

    /// <summary><paramref name="value"/> with <see cref="Decimals"/> decimals, trailing zeros dropped, invariant culture.</summary>
    public static string Format(double value, double width)
    {
        var text = value.ToString("0." + new string('#', Decimals(width)), CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary><paramref name="value"/> with exactly <see cref="Decimals"/> decimals, for table columns that line up.</summary>
    public static string Fixed(double value, double width)
    {
        var text = value.ToString("F" + Decimals(width).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Trim('-', '0', '.').Length == 0 ? text[1..] : text;
    }

    /// <summary>
    /// A capability (a weight on no fixed scale): at least two decimals, and below 0.1 as many as keep two significant digits,
    /// so that a capability that is not zero never prints as 0 (<c>60</c>, <c>0.26</c>, <c>0.012</c>, <c>0.0002</c>); invariant culture.
    /// </summary>
    public static string Capability(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var decimals = Math.Max(2, 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return decimals > 15
            ? value.ToString("G2", CultureInfo.InvariantCulture)
            : value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>As <see cref="Format"/> with an explicit sign (<c>+1.5</c>, <c>-0.2</c>, <c>0</c>).</summary>
    public static string Signed(double value, double width)
    {
        var text = Format(value, width);
        return text == "0" || text.StartsWith('-') ? text : "+" + text;
    }
}
