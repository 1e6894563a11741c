using System.Globalization;
using System.Text;

namespace Parley.Formats.Sheets;

/// <summary>
/// The matrix CSV's text (RFC 4180): comma-separated fields, a field quoted with <c>"</c> when it
/// holds a comma, a quote or a line break (a doubled quote inside stands for one). Every field keeps
/// its line and column so problems point at it.
/// </summary>
internal static class MatrixCsvText
{
    /// <summary>The records of <paramref name="text"/> as one table named <paramref name="fileName"/>, or the problem that stops reading it.</summary>
    public static (SheetTable? Table, Diagnostic? Problem) Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (InputText.CheckLineLengths(text, fileName) is { } tooLong)
        {
            return (null, tooLong);
        }

        var rows = new List<SheetRow>();
        var fields = new Dictionary<int, SheetCell>();
        var field = new StringBuilder();
        int line = 1, column = 1, record = 1;
        var recordStart = new SourceLocation(1, 1);
        var fieldStart = recordStart;
        var quoted = false;
        var fieldIndex = 1;
        var position = 0;

        void EndField()
        {
            var value = field.ToString();
            if (quoted || value.Trim().Length > 0)
            {
                fields[fieldIndex] = new SheetCell(quoted ? value : value.Trim(), fieldStart);
            }

            field.Clear();
            quoted = false;
            fieldIndex++;
        }

        void EndRecord()
        {
            EndField();
            if (fields.Count > 0)
            {
                rows.Add(new SheetRow(record, recordStart, fields));
                record++;
            }

            fields = [];
            fieldIndex = 1;
        }

        var atFieldStart = true;
        while (position < text.Length)
        {
            var character = text[position];
            if (atFieldStart)
            {
                fieldStart = new SourceLocation(line, column);
                if (fields.Count == 0 && fieldIndex == 1)
                {
                    recordStart = fieldStart;
                }

                atFieldStart = false;
                if (character == '"')
                {
                    quoted = true;
                    position++;
                    column++;
                    var closed = false;
                    while (position < text.Length)
                    {
                        var inside = text[position];
                        if (inside == '"')
                        {
                            if (position + 1 < text.Length && text[position + 1] == '"')
                            {
                                field.Append('"');
                                position += 2;
                                column += 2;
                                continue;
                            }

                            position++;
                            column++;
                            closed = true;
                            break;
                        }

                        if (inside == '\n')
                        {
                            line++;
                            column = 1;
                        }
                        else
                        {
                            column++;
                        }

                        if (inside != '\r' || position + 1 >= text.Length || text[position + 1] != '\n')
                        {
                            field.Append(inside);
                        }

                        position++;
                    }

                    if (!closed)
                    {
                        return (null, new Diagnostic(fileName, fieldStart.Line, fieldStart.Column, "this quoted field is never closed; end it with a '\"' (write a quote inside a field as '\"\"')"));
                    }

                    // Only spaces may follow the closing quote before the next comma or the line's end.
                    while (position < text.Length && text[position] is ' ' or '\t')
                    {
                        position++;
                        column++;
                    }

                    if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                    {
                        return (null, new Diagnostic(fileName, line, column, "text follows a quoted field's closing quote; put the whole field inside the quotes (a quote inside is written '\"\"')"));
                    }

                    continue;
                }
            }

            switch (character)
            {
                case ',':
                    EndField();
                    atFieldStart = true;
                    column++;
                    break;
                case '\r' when position + 1 < text.Length && text[position + 1] == '\n':
                    column++;
                    break;
                case '\n':
                    EndRecord();
                    atFieldStart = true;
                    line++;
                    column = 1;
                    break;
                default:
                    field.Append(character);
                    column++;
                    break;
            }

            position++;
        }

        EndRecord();
        return (new SheetTable(fileName, IsSheet: false, rows), null);
    }

    /// <summary>The CSV text of <paramref name="header"/> and <paramref name="rows"/> (numbers in their shortest round-trip form), lines ending in <c>\n</c>.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Field)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(value => value switch
            {
                null => string.Empty,
                double number => number.ToString("R", CultureInfo.InvariantCulture),
                int number => number.ToString(CultureInfo.InvariantCulture),
                _ => Field(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
            })).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A text field, quoted when it holds a comma, quote or line break, or starts or ends with a space (which readers trim).</summary>
    private static string Field(string value) =>
        value.Length > 0 && (value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value[0] == ' ' || value[^1] == ' ')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
