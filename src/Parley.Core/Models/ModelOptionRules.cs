using System.Globalization;

namespace Parley.Core.Models;

/// <summary>
/// The one set of rules for the run options every front end and model applies: rounds from 1 to
/// <see cref="MaxRounds"/>, a tolerance that is finite and above 0, a seed that is any 64-bit
/// unsigned integer (its type already says so).
/// </summary>
public static class ModelOptionRules
{
    /// <summary>The most rounds any dynamic model runs; a bound, so no run goes on without end.</summary>
    public const int MaxRounds = 10_000;

    /// <summary>The name of <see cref="ModelOptions.Rounds"/> in descriptions and messages.</summary>
    public const string RoundsName = "rounds";

    /// <summary>The name of <see cref="ModelOptions.Tolerance"/> in descriptions and messages.</summary>
    public const string ToleranceName = "tolerance";

    /// <summary>Whether <paramref name="rounds"/> is allowed.</summary>
    public static bool RoundsAllowed(int rounds) => rounds is >= 1 and <= MaxRounds;

    /// <summary>Whether <paramref name="tolerance"/> is allowed.</summary>
    public static bool ToleranceAllowed(double tolerance) => double.IsFinite(tolerance) && tolerance > 0;

    /// <summary>What is wrong with the run options of <paramref name="options"/>, or <c>null</c>.</summary>
    public static string? Problem(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rounds is { } rounds && !RoundsAllowed(rounds))
        {
            return string.Create(CultureInfo.InvariantCulture, $"option rounds: {rounds} is not allowed; use 1 to {MaxRounds:N0} rounds");
        }

        if (options.Tolerance is { } tolerance && !ToleranceAllowed(tolerance))
        {
            return string.Create(CultureInfo.InvariantCulture, $"option tolerance: {tolerance} is not allowed; use a finite number above 0");
        }

        return null;
    }

    /// <summary>Throws when the run options of <paramref name="options"/> break a rule.</summary>
    /// <exception cref="ModelOptionException">Rounds or tolerance is out of range; the message says what is allowed.</exception>
    public static void ThrowIfInvalid(ModelOptions options)
    {
        if (Problem(options) is { } problem)
        {
            throw new ModelOptionException(problem);
        }
    }
}
