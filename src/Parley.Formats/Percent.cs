namespace Parley.Formats;

/// <summary>
/// Divides a number written in a file by 100 (or another power of ten) as the user reads it:
/// in decimal, so a salience written 30.33 becomes 0.3033, and a converted file shows 0.3033
/// rather than the binary quotient 0.30329999999999996.
/// </summary>
internal static class Percent
{
    /// <summary><paramref name="value"/> / <paramref name="divisor"/>, rounded as decimal arithmetic would round it.</summary>
    public static double Divide(double value, double divisor)
    {
        // Decimal holds 28 digits up to 7.9e28; beyond (or for NaN) the binary quotient is as good as any.
        if (double.IsFinite(value) && Math.Abs(value) < 1e15 && divisor is 1 or 10 or 100 or 1000)
        {
            return (double)((decimal)value / (decimal)divisor);
        }

        return value / divisor;
    }
}
