using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Models;

/// <summary>
/// Options of one model run. The common ones are typed; model-specific ones (a variant, a
/// utility function, REX's p) travel in <see cref="Parameters"/> by name, as typed on the
/// command line; each model describes those it reads in <see cref="IModel.Options"/> and reads
/// them through <see cref="GetChoice"/> and <see cref="GetNumber"/>.
/// </summary>
public sealed record ModelOptions
{
    /// <summary>The defaults: no fixed round count, no tolerance override, seed 0, no trace.</summary>
    public static ModelOptions Default { get; } = new();

    /// <summary>Fixed number of rounds for dynamic models; <c>null</c> for the model's default.</summary>
    public int? Rounds { get; init; }

    /// <summary>Convergence tolerance for dynamic models, on the scale; <c>null</c> for the model's default.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Seed of any randomness in the model.</summary>
    public ulong Seed { get; init; }

    /// <summary>Whether to record a round-by-round trace (costs time and memory).</summary>
    public bool Trace { get; init; }

    /// <summary>
    /// Whether the caller needs only the forecasts, <see cref="ModelResult.RoundsRun"/> and
    /// <see cref="ModelResult.Converged"/> (a Monte Carlo draw, an influence re-run): a model may
    /// then leave out its <see cref="ModelResult.Details"/> and history, which can cost more than the
    /// run itself. The forecasts, rounds and convergence are the same bits either way;
    /// <see cref="Trace"/> takes precedence (a traced run keeps everything).
    /// </summary>
    public bool Lean { get; init; }

    /// <summary>Model-specific parameters by name, e.g. <c>variant</c> → <c>scholz-code</c>.</summary>
    public ImmutableSortedDictionary<string, string> Parameters { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Returns a copy with parameter <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public ModelOptions WithParameter(string name, string value) =>
        this with { Parameters = Parameters.SetItem(name, value) };

    /// <summary>The string parameter <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback) => Parameters.GetValueOrDefault(name, fallback);

    /// <summary>The choice parameter <paramref name="option"/> describes (an alias read as its choice), or its default when absent.</summary>
    /// <exception cref="ModelOptionException">The value is not one of the option's choices.</exception>
    public string GetChoice(ModelOptionDescription option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var value = Checked(option) ?? option.Default ?? string.Empty;
        return option.Canonical(value);
    }

    /// <summary>The number parameter <paramref name="option"/> describes, or its default when absent.</summary>
    /// <exception cref="ModelOptionException">The value is not a finite number in the option's range.</exception>
    public double GetNumber(ModelOptionDescription option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return double.Parse(Checked(option) ?? option.Default ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The parameter's text when given and allowed, <c>null</c> when absent.</summary>
    private string? Checked(ModelOptionDescription option)
    {
        if (!Parameters.TryGetValue(option.Name, out var text))
        {
            return null;
        }

        return option.Check(text) is { } problem ? throw new ModelOptionException(problem) : text;
    }
}
