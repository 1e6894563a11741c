namespace Parley.Formats.Ktab;

/// <summary>
/// One line of a comma-separated file split into trimmed fields, each with the column (from 1)
/// where its text starts. Double quotes around a field are removed and protect commas inside.
/// </summary>
internal sealed class CsvLine
{
    private CsvLine(int lineNumber, int length, IReadOnlyList<(string Text, int Column)> fields)
    {
        LineNumber = lineNumber;
        Length = length;
        Fields = fields;
    }

    /// <summary>Line number, from 1.</summary>
    public int LineNumber { get; }

    /// <summary>Number of characters on the line (without the line break).</summary>
    public int Length { get; }

    /// <summary>The fields, trimmed, with their starting columns.</summary>
    public IReadOnlyList<(string Text, int Column)> Fields { get; }

    /// <summary>The fields up to the last non-empty one (KTAB rows end with a comma, some with several).</summary>
    public int Count
    {
        get
        {
            var count = Fields.Count;
            while (count > 0 && Fields[count - 1].Text.Length == 0)
            {
                count--;
            }

            return count;
        }
    }

    /// <summary>Whether the line has no text besides commas and spaces.</summary>
    public bool IsBlank => Count == 0;

    /// <summary>The column just after the line's last character: where a missing field would go.</summary>
    public int EndColumn => Length + 1;

    /// <summary>Splits every line of <paramref name="text"/>.</summary>
    public static List<CsvLine> SplitAll(string text)
    {
        var lines = new List<CsvLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            lines.Add(Split(line, number));
        }

        return lines;
    }

    private static CsvLine Split(string line, int lineNumber)
    {
        var fields = new List<(string, int)>();
        var start = 0;
        while (true)
        {
            var position = start;
            while (position < line.Length && line[position] is ' ' or '\t')
            {
                position++;
            }

            var column = position + 1;
            string text;
            int end;
            if (position < line.Length && line[position] == '"')
            {
                var close = line.IndexOf('"', position + 1);
                close = close < 0 ? line.Length : close;
                text = line[(position + 1)..close];
                end = line.IndexOf(',', Math.Min(close + 1, line.Length));
                end = end < 0 ? line.Length : end;
            }
            else
            {
                end = line.IndexOf(',', position);
                end = end < 0 ? line.Length : end;
                text = line[position..end].TrimEnd(' ', '\t');
            }

            fields.Add((text, column));
            if (end >= line.Length)
            {
                break;
            }

            start = end + 1;
        }

        return new CsvLine(lineNumber, line.Length, fields);
    }
}
