using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Parley.Storage;

/// <summary>
/// Compares two result documents (the JSON of <c>--json</c>) value by value: what makes two stored
/// runs' results differ. Values are compared as written (so 0.1 and 0.10 differ only if the
/// writer wrote them differently, which it never does for the same number).
/// </summary>
public static class ResultDiff
{
    /// <summary>Every value that differs, in the first document's order (then the second's additions).</summary>
    /// <exception cref="StoreException">Either text is not JSON.</exception>
    public static ImmutableArray<ResultChange> Between(string before, string after)
    {
        var left = Flatten(before);
        var right = Flatten(after);
        var changes = ImmutableArray.CreateBuilder<ResultChange>();
        foreach (var (path, value) in left)
        {
            var other = right.TryGetValue(path, out var found) ? found : null;
            if (!string.Equals(value, other, StringComparison.Ordinal))
            {
                changes.Add(new ResultChange(path, value, other));
            }
        }

        foreach (var (path, value) in right.Where(entry => !left.ContainsKey(entry.Key)))
        {
            changes.Add(new ResultChange(path, null, value));
        }

        return changes.ToImmutable();
    }

    /// <summary>Leaf path → raw JSON value, in document order.</summary>
    private static OrderedDictionary<string, string> Flatten(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            var leaves = new OrderedDictionary<string, string>(StringComparer.Ordinal);
            Walk(document.RootElement, "", leaves);
            return leaves;
        }
        catch (JsonException error)
        {
            throw new StoreException($"a stored result is not JSON ({error.Message.TrimEnd('.')}); the store is damaged", error);
        }
    }

    private static void Walk(JsonElement element, string path, OrderedDictionary<string, string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", leaves);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                var labels = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in element.EnumerateArray())
                {
                    // A name used twice in one array would merge two items: the index keeps them apart.
                    var label = Label(item) is { } name && labels.Add(name) ? name : index.ToString(CultureInfo.InvariantCulture);
                    Walk(item, $"{path}[{label}]", leaves);
                    index++;
                }

                break;
            default:
                leaves[path] = element.GetRawText();
                break;
        }
    }

    /// <summary>An array item's name: its <c>model</c> or <c>id</c> string, if it has one.</summary>
    private static string? Label(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["model", "id"])
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
