namespace Parley.Formats.Decide;

/// <summary>
/// One row of a Decide file split into fields: the row key (<c>#A</c>, <c>#D</c>…) and the
/// fields after it, each with the column (from 1) where it starts, quotes removed.
/// </summary>
internal sealed class DecideLine
{
    private const string Delimiters = "\t;,";

    private DecideLine(int number, string key, int keyColumn, IReadOnlyList<DecideField> fields, int endColumn)
    {
        Number = number;
        Key = key;
        KeyColumn = keyColumn;
        Fields = fields;
        EndColumn = endColumn;
    }

    /// <summary>Line number, from 1.</summary>
    public int Number { get; }

    /// <summary>The row key without quotes, e.g. <c>#D</c>.</summary>
    public string Key { get; }

    /// <summary>Column of the key.</summary>
    public int KeyColumn { get; }

    /// <summary>The fields after the key.</summary>
    public IReadOnlyList<DecideField> Fields { get; }

    /// <summary>The column just past the line's last character: where a missing field would be.</summary>
    public int EndColumn { get; }

    /// <summary>Field <paramref name="index"/> (from 0, after the key), or <c>null</c> when the row is shorter.</summary>
    public DecideField? Field(int index) => index < Fields.Count ? Fields[index] : null;

    /// <summary>
    /// Splits <paramref name="text"/>. The delimiter is the character right after the row key
    /// (tab, <c>;</c> or <c>,</c>), so each row may use its own; a field may be wrapped in single
    /// or double quotes, which protect delimiters inside it.
    /// </summary>
    /// <returns>The row, or <c>null</c> for a blank row (nothing but spaces and delimiters).</returns>
    public static DecideLine? Parse(string text, int number)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start == text.Length || text.AsSpan(start).TrimEnd().IsEmpty)
        {
            return null;
        }

        var (key, afterKey) = ReadField(text, start, delimiter: null);
        var trimmedKey = key.Trim();
        var fields = new List<DecideField>();
        if (afterKey < text.Length)
        {
            var delimiter = text[afterKey];
            var position = afterKey + 1;
            while (true)
            {
                var fieldStart = position;
                var (value, end) = ReadField(text, position, delimiter);
                fields.Add(new DecideField(value.Trim(), fieldStart + 1));
                if (end >= text.Length)
                {
                    break;
                }

                position = end + 1;
            }
        }

        if (fields.Count > 0 && trimmedKey.Length == 0 && fields.TrueForAll(f => f.Text.Length == 0))
        {
            return null;
        }

        return new DecideLine(number, trimmedKey, start + 1, fields, text.TrimEnd().Length + 1);
    }

    /// <summary>Reads one field from <paramref name="start"/>; returns its text and the index of the delimiter that ends it (or the line's length).</summary>
    private static (string Value, int End) ReadField(string text, int start, char? delimiter)
    {
        var position = start;
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        if (position < text.Length && text[position] is '\'' or '"')
        {
            var quote = text[position];
            var close = position + 1;
            while (close < text.Length)
            {
                if (text[close] == quote)
                {
                    var next = close + 1;
                    while (next < text.Length && text[next] == ' ')
                    {
                        next++;
                    }

                    if (next == text.Length || IsEnd(text[next], delimiter))
                    {
                        return (text[(position + 1)..close], next);
                    }
                }

                close++;
            }
        }

        var end = start;
        while (end < text.Length && !IsEnd(text[end], delimiter))
        {
            end++;
        }

        return (text[start..end], end);
    }

    private static bool IsEnd(char character, char? delimiter) =>
        delimiter is { } d ? character == d : Delimiters.Contains(character, StringComparison.Ordinal);
}

/// <summary>One field of a <see cref="DecideLine"/>: its text (trimmed, unquoted) and starting column.</summary>
/// <param name="Text">The field's text.</param>
/// <param name="Column">Column where the field starts, from 1.</param>
internal sealed record DecideField(string Text, int Column);
