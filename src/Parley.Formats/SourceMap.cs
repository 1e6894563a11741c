namespace Parley.Formats;

/// <summary>
/// Where each element and field of a scenario came from in its file, so that checks made after
/// reading can point at the right line. Keys are built by <see cref="Key"/>:
/// <c>actor[2]</c>, <c>actor[2].capability</c>, <c>stance[5].position</c>, <c>issue[0].max</c>…
/// A key that was never set falls back to its element, then to the start of the file.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> locations = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="key"/> is at <paramref name="location"/>.</summary>
    public void Set(string key, SourceLocation location) => locations[key] = location;

    /// <summary>Records that <paramref name="key"/> is at line <paramref name="line"/>, column <paramref name="column"/>.</summary>
    public void Set(string key, int line, int column) => Set(key, new SourceLocation(line, column));

    /// <summary>Whether the file gave <paramref name="key"/> itself (a field the reader marked), not only its element.</summary>
    public bool Contains(string key) => locations.ContainsKey(key);

    /// <summary>The location of <paramref name="key"/>, else of its element, else of the scenario's first line.</summary>
    public SourceLocation Get(string key)
    {
        if (locations.TryGetValue(key, out var location))
        {
            return location;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && locations.TryGetValue(key[..dot], out location))
        {
            return location;
        }

        return locations.GetValueOrDefault("scenario", SourceLocation.Start);
    }

    /// <summary>The key of element <paramref name="index"/> (from 0) of a kind, optionally one of its fields.</summary>
    /// <param name="kind">One of <c>actor</c>, <c>issue</c>, <c>stance</c>, <c>stage</c>, <c>source</c>.</param>
    /// <param name="index">The element's index in the scenario's list.</param>
    /// <param name="field">A field name (<c>position</c>, <c>salience</c>, <c>capability</c>, <c>min</c>…), or <c>null</c>.</param>
    public static string Key(string kind, int index, string? field = null) =>
        field is null ? $"{kind}[{index}]" : $"{kind}[{index}].{field}";
}
