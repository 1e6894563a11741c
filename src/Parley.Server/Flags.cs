using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Server;

/// <summary>
/// A run's options as the command line spells them: the arguments <c>parley runs rerun</c> replays
/// (only the options the request set) and every option's value by name, defaults included, as
/// the CLI records them: an option without a default is left out when not given, so that the same
/// analysis recorded by the CLI and by the server diffs as the same.
/// </summary>
internal sealed class Flags
{
    private readonly ImmutableArray<string>.Builder arguments = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableSortedDictionary<string, string>.Builder options = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

    public ImmutableArray<string> Arguments => arguments.ToImmutable();

    public ImmutableSortedDictionary<string, string> Options => options.ToImmutable();

    /// <summary>Records <paramref name="value"/> (an argument when given) and returns it, or the default.</summary>
    public T Add<T>(string flag, T? value, T fallback)
        where T : struct, IFormattable
    {
        if (value is { } given)
        {
            arguments.Add(flag);
            arguments.Add(given.ToString(null, CultureInfo.InvariantCulture));
        }

        var used = value ?? fallback;
        options[flag.TrimStart('-')] = used.ToString(null, CultureInfo.InvariantCulture);
        return used;
    }

    /// <summary>Records an optional number without a default.</summary>
    public T? Add<T>(string flag, T? value)
        where T : struct, IFormattable
    {
        if (value is { } given)
        {
            arguments.Add(flag);
            arguments.Add(given.ToString(null, CultureInfo.InvariantCulture));
        }

        if (value is { } set)
        {
            options[flag.TrimStart('-')] = set.ToString(null, CultureInfo.InvariantCulture);
        }

        return value;
    }

    /// <summary>Records a text option and returns it, or the default.</summary>
    public string Add(string flag, string? value, string fallback)
    {
        Add(flag, value);
        options[flag.TrimStart('-')] = value ?? fallback;
        return value ?? fallback;
    }

    /// <summary>Records an optional text option (left out when not given, as the CLI leaves out an option without a default).</summary>
    public string? Add(string flag, string? value)
    {
        if (value is not null)
        {
            arguments.Add(flag);
            arguments.Add(value);
            options[flag.TrimStart('-')] = value;
        }

        return value;
    }

    /// <summary>Records a switch.</summary>
    public void Switch(string flag, bool on)
    {
        if (on)
        {
            arguments.Add(flag);
        }

        options[flag.TrimStart('-')] = on ? "true" : "false";
    }

    /// <summary>Records a repeatable option, once per value.</summary>
    public void AddEach(string flag, IEnumerable<string>? values)
    {
        var given = values?.ToList() ?? [];
        if (given.Count == 0)
        {
            return;
        }

        foreach (var value in given)
        {
            arguments.Add(flag);
            arguments.Add(value);
        }

        var name = flag.TrimStart('-');
        options[name] = options.TryGetValue(name, out var before) && before.Length > 0
            ? string.Join(" ", [before, .. given])
            : string.Join(" ", given);
    }

    /// <summary>Records an option's value without an argument to replay (a CLI option the API has no field for, at its default).</summary>
    public void Default(string name, string value) => options[name] = value;

    /// <summary>Records an input that has no command-line argument (a what-if overlay's text).</summary>
    public void Record(string name, string? value)
    {
        if (value is not null)
        {
            options[name] = value;
        }
    }
}
