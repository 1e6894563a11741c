using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Models;

/// <summary>
/// One option a model takes: its name, type, range or allowed values, default and a one-line help.
/// Each model lists its own (<see cref="IModel.Options"/>); front ends (the CLI's flags and
/// <c>parley models ID</c>, later the HTTP API's schema) are generated from these descriptions and
/// check values with <see cref="Check"/>, so a value is judged by one rule everywhere.
/// </summary>
/// <remarks>Plain data: no I/O. Values travel as invariant-culture text, as typed on a command line.</remarks>
public sealed record ModelOptionDescription
{
    /// <summary>The name users type: <c>--param NAME=VALUE</c>, or <c>rounds</c>/<c>tolerance</c> for the typed run options.</summary>
    public required string Name { get; init; }

    /// <summary>The value's type.</summary>
    public required ModelOptionKind Kind { get; init; }

    /// <summary>One line on what the option does.</summary>
    public required string Help { get; init; }

    /// <summary>The value used when the option is not given, as text; <c>null</c> when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>Smallest allowed value of a number or integer (inclusive).</summary>
    public double? Minimum { get; init; }

    /// <summary>Whether <see cref="Minimum"/> itself is excluded (the value must be above it).</summary>
    public bool MinimumIsExclusive { get; init; }

    /// <summary>Largest allowed value of a number or integer (inclusive).</summary>
    public double? Maximum { get; init; }

    /// <summary>The allowed values of a <see cref="ModelOptionKind.Choice"/>, in the order shown.</summary>
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>Other spellings accepted for a choice (e.g. KTAB's schema spellings), alias to choice.</summary>
    public ImmutableDictionary<string, string> Aliases { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Whether the value travels in <see cref="ModelOptions.Parameters"/> (<c>--param</c>, <c>--variant</c>, …);
    /// <c>false</c> for the typed run options <see cref="ModelOptions.Rounds"/> and <see cref="ModelOptions.Tolerance"/>.
    /// </summary>
    public bool IsParameter { get; init; } = true;

    /// <summary>A choice among <paramref name="choices"/>, the first unless <paramref name="defaultValue"/> says otherwise.</summary>
    public static ModelOptionDescription Choice(string name, string defaultValue, string help, params string[] choices) =>
        new() { Name = name, Kind = ModelOptionKind.Choice, Default = defaultValue, Help = help, Choices = [.. choices] };

    /// <summary>A choice among the names of the enum <typeparamref name="T"/>.</summary>
    public static ModelOptionDescription Choice<T>(string name, T defaultValue, string help)
        where T : struct, Enum =>
        Choice(name, defaultValue.ToString(), help, Enum.GetNames<T>());

    /// <summary>A finite number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static ModelOptionDescription Number(string name, double defaultValue, double minimum, double maximum, string help) =>
        new()
        {
            Name = name,
            Kind = ModelOptionKind.Number,
            Default = Format(defaultValue),
            Minimum = minimum,
            Maximum = maximum,
            Help = help,
        };

    /// <summary>Free text, checked by the model when it runs.</summary>
    public static ModelOptionDescription Text(string name, string help) =>
        new() { Name = name, Kind = ModelOptionKind.Text, Help = help };

    /// <summary>
    /// <see cref="ModelOptions.Rounds"/> of a dynamic model, whose default run stops as
    /// <paramref name="defaultBehaviour"/> says. Allowed: 1 to <see cref="ModelOptionRules.MaxRounds"/>.
    /// </summary>
    /// <param name="defaultBehaviour">What the model does without the option.</param>
    /// <param name="help">The help, when the model's rounds are not simply "exactly this many" (the exchange model stops at a fixed point).</param>
    public static ModelOptionDescription Rounds(string defaultBehaviour, string? help = null) => new()
    {
        Name = ModelOptionRules.RoundsName,
        Kind = ModelOptionKind.Integer,
        Minimum = 1,
        Maximum = ModelOptionRules.MaxRounds,
        Default = defaultBehaviour,
        Help = help ?? "Run exactly this many rounds (turns off the convergence stop).",
        IsParameter = false,
    };

    /// <summary><see cref="ModelOptions.Tolerance"/> of a dynamic model: a finite number above 0, on the issue's scale.</summary>
    public static ModelOptionDescription Tolerance(string defaultBehaviour) => new()
    {
        Name = ModelOptionRules.ToleranceName,
        Kind = ModelOptionKind.Number,
        Minimum = 0,
        MinimumIsExclusive = true,
        Default = defaultBehaviour,
        Help = "Stop when outcomes move less than this between rounds (on the issue's scale; above 0).",
        IsParameter = false,
    };

    /// <summary>
    /// What is wrong with <paramref name="value"/> for this option, naming what is allowed; <c>null</c>
    /// when the value is allowed. Messages read <c>option NAME: 'VALUE' is …</c>.
    /// </summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (Kind)
        {
            case ModelOptionKind.Choice:
                return Choices.Contains(value, StringComparer.Ordinal) || Aliases.ContainsKey(value)
                    ? null
                    : $"option {Name}: '{value}' is not allowed; use one of {string.Join(", ", Choices)}";
            case ModelOptionKind.Boolean:
                return value is "true" or "false" ? null : $"option {Name}: '{value}' is not allowed; use true or false";
            case ModelOptionKind.Integer:
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) && InRange(whole)
                    ? null
                    : $"option {Name}: '{value}' is not a whole number {RangeText()}";
            case ModelOptionKind.Number:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && InRange(number)
                    ? null
                    : $"option {Name}: '{value}' is not a number {RangeText()}";
            default:
                return null;
        }
    }

    /// <summary>The choice <paramref name="value"/> stands for (itself, or the choice an alias names).</summary>
    public string Canonical(string value) => Aliases.GetValueOrDefault(value, value);

    /// <summary>The option in one line for listings and error messages: <c>utility (linear|quadratic, default linear)</c>.</summary>
    public string Describe()
    {
        var type = Kind switch
        {
            ModelOptionKind.Choice => string.Join("|", Choices),
            ModelOptionKind.Boolean => "true|false",
            ModelOptionKind.Text => "text",
            ModelOptionKind.Integer => $"integer {RangeText()}",
            _ => $"number {RangeText()}",
        };
        return Default is null ? $"{Name} ({type})" : $"{Name} ({type}, default {Default})";
    }

    /// <summary>The range in words: <c>from 0 to 1</c>, <c>above 0</c>, <c>of 0 or more</c>.</summary>
    public string RangeText() => (Minimum, Maximum) switch
    {
        ({ } min, { } max) => $"from {Format(min)} to {Format(max)}",
        ({ } min, null) when MinimumIsExclusive => $"above {Format(min)}",
        ({ } min, null) => $"of {Format(min)} or more",
        (null, { } max) => $"of {Format(max)} or less",
        _ => "(any)",
    };

    private bool InRange(double value) =>
        !(value < Minimum) && !(value > Maximum) && !(MinimumIsExclusive && value <= Minimum);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
