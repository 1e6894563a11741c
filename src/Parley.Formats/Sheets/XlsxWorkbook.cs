using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Parley.Formats.Sheets;

/// <summary>
/// Reads the sheets of an .xlsx workbook (Office Open XML: a zip archive of XML parts) into
/// <see cref="SheetTable"/>s with every cell's address, within bounded resources: the archive's
/// entries, each part's unpacked size and the cells read are all limited, so a zip bomb or a sheet
/// claiming a million rows stops at the limit with a message instead of filling memory.
/// </summary>
/// <remarks>
/// Only what a matrix needs is read: the sheet names and order (<c>xl/workbook.xml</c> and its
/// relationships), the shared strings, and each cell's value: numbers (<c>t="n"</c> or none),
/// shared, inline and formula strings (<c>s</c>, <c>inlineStr</c>, <c>str</c>), booleans and error
/// values. Formulas count by the value the spreadsheet last computed; styles are not read.
/// </remarks>
internal static class XlsxWorkbook
{
    /// <summary>The most bytes all parts read may unpack to together: 64 MiB, the limit of input files.</summary>
    public const long MaxUnpackedBytes = InputText.DefaultMaxBytes;

    /// <summary>The most entries an archive may hold (a workbook has a few dozen).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The most cells with a value read from one workbook.</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>The last row (1,048,576) and column (16,384, XFD) a sheet can have.</summary>
    private const int MaxRow = 1_048_576, MaxColumn = 16_384;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Whether <paramref name="bytes"/> start as a zip archive does (<c>PK\x03\x04</c>), as every .xlsx file does.</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes is [0x50, 0x4B, 0x03, 0x04, ..];

    /// <summary>Whether <paramref name="bytes"/> start as an OLE2 compound file does, as an Excel 97-2003 workbook (.xls) does.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes is [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..];

    /// <summary>The workbook's sheets in workbook order, or the one problem that stops reading it.</summary>
    public static (IReadOnlyList<SheetTable>? Sheets, Diagnostic? Problem) Read(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Diagnostic Fail(string message) => new(fileName, 1, 1, message);
        if (bytes.Length == 0)
        {
            return (null, Fail("the file is empty; an .xlsx workbook needs the sheets Actors, Issues and Stances (docs/spreadsheets.md)"));
        }

        if (!IsZip(bytes))
        {
            return (null, Fail(IsCompoundFile(bytes)
                ? "this is an Excel 97-2003 workbook (.xls), not an .xlsx workbook; open it in the spreadsheet program and save it as Excel Workbook (.xlsx)"
                : fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                    ? "the file is named .xlsx but is not an .xlsx workbook (an .xlsx file is a zip archive, starting with 'PK'); save it from the spreadsheet program as Excel Workbook (.xlsx), or name it by its real format"
                    : "the file was to be read as an .xlsx workbook (--format xlsx) but is not one (an .xlsx file is a zip archive, starting with 'PK'); give its real format, or none to have it detected"));
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                return (null, Fail(string.Create(CultureInfo.InvariantCulture, $"the archive holds {archive.Entries.Count:N0} entries, more than the {MaxEntries:N0} a workbook may have; is this the right file?")));
            }

            var budget = new Budget();
            var workbook = Part(archive, "xl/workbook.xml", budget);
            if (workbook is null)
            {
                return (null, Fail("the zip archive is not an .xlsx workbook: it has no xl/workbook.xml (is it a .docx, .ods or another archive?); save the matrix as Excel Workbook (.xlsx)"));
            }

            var targets = ReadRelationships(Part(archive, "xl/_rels/workbook.xml.rels", budget));
            var sharedStrings = ReadSharedStrings(Part(archive, "xl/sharedStrings.xml", budget));
            var sheets = new List<SheetTable>();
            var cells = 0;
            foreach (var (name, relationId) in ReadSheetNames(workbook))
            {
                if (!targets.TryGetValue(relationId, out var target))
                {
                    return (null, Fail($"the workbook names sheet '{Excerpt.Of(name)}' but the archive does not say where it is; the file is damaged: save it again from the spreadsheet program"));
                }

                var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
                var sheetXml = Part(archive, path, budget);
                if (sheetXml is null)
                {
                    return (null, Fail($"sheet '{Excerpt.Of(name)}' is missing from the archive ({Excerpt.Of(path)}); the file is damaged: save it again from the spreadsheet program"));
                }

                var (rows, problem) = ReadSheet(sheetXml, name, sharedStrings, fileName, ref cells);
                if (problem is not null)
                {
                    return (null, problem);
                }

                sheets.Add(new SheetTable(name, IsSheet: true, rows!));
            }

            return (sheets, null);
        }
        catch (TooLargeException)
        {
            return (null, Fail($"the workbook unpacks to more than {InputText.DescribeSize(MaxUnpackedBytes)}, the limit for input files; a matrix is far smaller (is this the right file?)"));
        }
        catch (Exception error) when (error is InvalidDataException or XmlException or IOException or NotSupportedException or FormatException or OverflowException)
        {
            return (null, Fail($"the workbook cannot be read ({Excerpt.Of(error.Message, Excerpt.MaxMessageLength)}); the file is damaged or not an .xlsx workbook: save it again from the spreadsheet program as Excel Workbook (.xlsx)"));
        }
    }

    /// <summary>The bytes a workbook's parts have unpacked to so far.</summary>
    private sealed class Budget
    {
        public long Used { get; set; }
    }

    private sealed class TooLargeException : Exception
    {
    }

    /// <summary>The unpacked bytes of entry <paramref name="path"/>, or <c>null</c> when the archive lacks it; unpacking stops at the budget.</summary>
    private static byte[]? Part(ZipArchive archive, string path, Budget budget)
    {
        var entry = archive.GetEntry(path) ?? archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            budget.Used += read;
            if (budget.Used > MaxUnpackedBytes)
            {
                throw new TooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static XmlReader Xml(byte[] bytes) => XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxUnpackedBytes,
    });

    /// <summary>The sheets in workbook order, each with the id of the relationship locating it.</summary>
    private static List<(string Name, string RelationId)> ReadSheetNames(byte[] workbook)
    {
        var sheets = new List<(string, string)>();
        using var xml = Xml(workbook);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == Main)
            {
                sheets.Add((xml.GetAttribute("name") ?? string.Empty, xml.GetAttribute("id", Relationships) ?? string.Empty));
            }
        }

        return sheets;
    }

    private static Dictionary<string, string> ReadRelationships(byte[]? rels)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rels is null)
        {
            return targets;
        }

        using var xml = Xml(rels);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
            {
                targets.TryAdd(id, target);
            }
        }

        return targets;
    }

    /// <summary>The shared strings table: each <c>si</c>'s text, its rich-text runs joined (phonetic runs left out).</summary>
    private static List<string> ReadSharedStrings(byte[]? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var xml = Xml(part);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.NamespaceURI == Main)
            {
                strings.Add(ReadText(xml));
            }
        }

        return strings;
    }

    /// <summary>The text of the element the reader is on (an <c>si</c> or <c>is</c>): its <c>t</c> elements joined, outside <c>rPh</c>.</summary>
    private static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        var phonetic = -1;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh" && !xml.IsEmptyElement)
            {
                phonetic = xml.Depth;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phonetic)
            {
                phonetic = -1;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && phonetic < 0 && !xml.IsEmptyElement)
            {
                text.Append(xml.ReadElementContentAsString());
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth <= depth)
                {
                    break;
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A sheet's rows with at least one value, or the problem that stops reading it.</summary>
    private static (List<SheetRow>? Rows, Diagnostic? Problem) ReadSheet(byte[] part, string sheet, List<string> sharedStrings, string fileName, ref int cellCount)
    {
        var rows = new List<SheetRow>();
        Dictionary<int, SheetCell>? cells = null;
        int rowNumber = 0, lastColumn = 0;
        void Close()
        {
            if (cells is { Count: > 0 })
            {
                rows.Add(new SheetRow(rowNumber, new SourceLocation(rowNumber, 1) { Sheet = sheet }, cells));
            }

            cells = null;
        }

        using var xml = Xml(part);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main)
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                Close();
                var next = xml.GetAttribute("r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : rowNumber + 1;
                if (next <= rowNumber || next > MaxRow)
                {
                    return (null, new Diagnostic(fileName, 1, 1, $"sheet '{Excerpt.Of(sheet)}': row numbers out of order or beyond {MaxRow:N0}; the file is damaged: save it again from the spreadsheet program"));
                }

                rowNumber = next;
                lastColumn = 0;
                cells = [];
            }
            else if (xml.LocalName == "c" && cells is not null)
            {
                var reference = xml.GetAttribute("r");
                var column = reference is null ? lastColumn + 1 : ColumnOf(reference);
                if (column <= lastColumn || column > MaxColumn)
                {
                    return (null, new Diagnostic(fileName, rowNumber, 1, $"sheet '{Excerpt.Of(sheet)}', row {rowNumber}: cell '{Excerpt.Of(reference)}' is out of order or not a cell of this row; the file is damaged: save it again from the spreadsheet program") { Sheet = sheet });
                }

                lastColumn = column;
                var location = new SourceLocation(rowNumber, column) { Sheet = sheet };
                var value = ReadCell(xml, sharedStrings);
                if (value is null)
                {
                    continue;
                }

                if (++cellCount > MaxCells)
                {
                    return (null, new Diagnostic(fileName, 1, 1, string.Create(CultureInfo.InvariantCulture, $"the workbook holds more than {MaxCells:N0} cells with values; a matrix is far smaller (is this the right file?)")));
                }

                cells[column] = new SheetCell(value, location);
            }
        }

        Close();
        return (rows, null);
    }

    /// <summary>The value of the <c>c</c> element the reader is on, or <c>null</c> when it holds none (an empty or styled-only cell).</summary>
    private static object? ReadCell(XmlReader xml, List<string> sharedStrings)
    {
        var type = xml.GetAttribute("t") ?? "n";
        if (xml.IsEmptyElement)
        {
            return null;
        }

        string? raw = null;
        string? inline = null;
        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "v")
            {
                raw = xml.ReadElementContentAsString();
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth <= depth)
                {
                    break;
                }
            }
            else if (xml.LocalName == "is")
            {
                inline = ReadText(xml);
            }
        }

        object? value = type switch
        {
            "inlineStr" => inline,
            "s" => raw is not null && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw new FormatException($"a cell refers to shared string '{Excerpt.Of(raw)}', which the workbook does not have"),
            "str" or "d" => raw,
            "b" => raw is null ? null : raw.Trim() is "1" or "true",
            "e" => raw is null ? null : new SheetError(raw),
            _ => raw is null ? null
                : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
                : throw new FormatException($"a number cell holds '{Excerpt.Of(raw)}'"),
        };
        return value is string text && text.Length == 0 ? null : value;
    }

    /// <summary>The column number (A = 1) of a cell reference such as <c>C7</c>; 0 when it has no letters.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var character in reference)
        {
            if (character is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (character - 'A' + 1);
                if (column > MaxColumn)
                {
                    return MaxColumn + 1;
                }
            }
            else
            {
                break;
            }
        }

        return column;
    }
}
