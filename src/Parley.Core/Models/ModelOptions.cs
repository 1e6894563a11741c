using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Models;

/// <summary>
/// Options of one model run. The common ones are typed; model-specific ones (a variant, a
/// utility function, REX's p) travel in <see cref="Parameters"/> by name, as typed on the
/// command line, and each model documents which it reads.
/// </summary>
public sealed record ModelOptions
{
    /// <summary>The defaults: no fixed round count, no tolerance override, seed 0, no trace.</summary>
    public static ModelOptions Default { get; } = new();

    /// <summary>Fixed number of rounds for dynamic models; <c>null</c> for the model's default.</summary>
    public int? Rounds { get; init; }

    /// <summary>Convergence tolerance for dynamic models, on the issue's scale; <c>null</c> for the model's default.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Seed of any randomness in the model.</summary>
    public ulong Seed { get; init; }

    /// <summary>Whether to record a round-by-round trace (costs time and memory).</summary>
    public bool Trace { get; init; }

    /// <summary>Model-specific parameters by name, e.g. <c>variant</c> → <c>scholz-code</c>.</summary>
    public ImmutableSortedDictionary<string, string> Parameters { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Returns a copy with parameter <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public ModelOptions WithParameter(string name, string value) =>
        this with { Parameters = Parameters.SetItem(name, value) };

    /// <summary>The string parameter <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback) => Parameters.GetValueOrDefault(name, fallback);

    /// <summary>One of <paramref name="allowed"/>, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="ModelOptionException">The value is not one of <paramref name="allowed"/>.</exception>
    public string GetChoice(string name, string fallback, params string[] allowed)
    {
        var value = GetString(name, fallback);
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ModelOptionException(
                $"option {name}: '{value}' is not allowed; use one of {string.Join(", ", allowed)}");
        }

        return value;
    }

    /// <summary>The finite number parameter <paramref name="name"/> within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    /// <exception cref="ModelOptionException">The value is not a number in range.</exception>
    public double GetDouble(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!Parameters.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < min || value > max)
        {
            throw new ModelOptionException(
                $"option {name}: '{text}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }
}
