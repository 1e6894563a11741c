using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Formats.Sheets;

/// <summary>
/// A table read through its header: the columns it names, and each cell of a row as the type a
/// field needs. Every cell that is not what its column allows is reported at the cell, with what
/// is allowed, and read as missing, so one pass finds every problem.
/// </summary>
internal sealed partial class TableFields
{
    private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly string fileName;
    private readonly DiagnosticList problems;

    private TableFields(SheetTable table, string fileName, DiagnosticList problems)
    {
        Table = table;
        this.fileName = fileName;
        this.problems = problems;
    }

    /// <summary>The table.</summary>
    public SheetTable Table { get; }

    /// <summary>The rows below the header.</summary>
    public IEnumerable<SheetRow> Rows => Table.Rows.Skip(1);

    /// <summary>What a table is called in messages: <c>sheet 'Stances'</c> or <c>the CSV</c>.</summary>
    public string Label => Table.IsSheet ? $"sheet '{Table.Name}'" : "the CSV";

    /// <summary>
    /// The table's header, checked: it must be the first row (row 1 of a sheet), name every column of
    /// <paramref name="required"/>, name each column once, and name only columns that <paramref name="known"/>
    /// holds or <paramref name="isKnown"/> accepts. <c>null</c> when the header is missing or lacks a required column.
    /// </summary>
    public static TableFields? Open(SheetTable table, string fileName, DiagnosticList problems, IReadOnlyList<string> known, IReadOnlyList<string> required, Func<string, bool>? isKnown = null)
    {
        var fields = new TableFields(table, fileName, problems);
        var allowed = string.Join(", ", known);
        if (table.Rows.Count == 0 || (table.IsSheet && table.Rows[0].Number != 1))
        {
            problems.Add(Diagnostic.At(fileName, table.Start, $"{fields.Label} has no header row{(table.Rows.Count == 0 ? " (it is empty)" : " in row 1")}; row 1 names the columns: {allowed}"));
            return null;
        }

        var header = table.Rows[0];
        foreach (var (column, cell) in header.Cells.OrderBy(c => c.Key))
        {
            var name = cell.Value as string ?? Convert.ToString(cell.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            name = name.Trim();
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase) && isKnown?.Invoke(name) != true)
            {
                problems.Add(Diagnostic.At(fileName, cell.Location, $"unknown column '{Excerpt.Of(name)}' in {fields.Label}'s header; its columns are {allowed}{(isKnown is null ? string.Empty : ", and evidence_N_kind, evidence_N_text, evidence_N_source for N = 1, 2, ...")}"));
            }
            else if (!fields.columns.TryAdd(name, column))
            {
                problems.Add(Diagnostic.At(fileName, cell.Location, $"column '{Excerpt.Of(name)}' appears twice in {fields.Label}'s header; name each column once"));
            }
        }

        var missing = required.Where(r => !fields.columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(Diagnostic.At(fileName, header.Start, $"{fields.Label}'s header lacks the column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}; row 1 must name {string.Join(", ", required)} (the other columns are optional: {allowed})"));
            return null;
        }

        return fields;
    }

    /// <summary>Whether the header names <paramref name="column"/>.</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The column names of the header.</summary>
    public IEnumerable<string> ColumnNames => columns.Keys;

    /// <summary>Where <paramref name="column"/> of <paramref name="row"/> is (the header's column, or the row when the header lacks it).</summary>
    public SourceLocation At(SheetRow row, string column) =>
        columns.TryGetValue(column, out var index) ? Table.LocationOf(row, index) : row.Start;

    /// <summary>Reports <paramref name="message"/> at <paramref name="location"/>.</summary>
    public void Report(SourceLocation location, string message) => problems.Add(Diagnostic.At(fileName, location, message));

    /// <summary>Whether the cell holds any value.</summary>
    public bool IsSet(SheetRow row, string column) => Cell(row, column) is not null;

    /// <summary>A text cell; a number is read as its shortest invariant form (an id typed as 2025); <c>null</c> when empty or wrong.</summary>
    public string? Text(SheetRow row, string column)
    {
        switch (Cell(row, column)?.Value)
        {
            case null:
                return null;
            case string text:
                return text.Length == 0 ? null : text;
            case double number:
                return number.ToString("R", CultureInfo.InvariantCulture);
            case var other:
                Report(At(row, column), $"{column}: {Describe(other)}; write text here");
                return null;
        }
    }

    /// <summary>A text cell holding an id (spaces around it trimmed); <c>null</c> when empty.</summary>
    public string? Id(SheetRow row, string column) => Text(row, column)?.Trim() is { Length: > 0 } id ? id : null;

    /// <summary>A date cell, kept as text; a number (a date the spreadsheet converted to its serial number) is reported.</summary>
    public string? Date(SheetRow row, string column)
    {
        if (Cell(row, column)?.Value is double number)
        {
            Report(At(row, column), $"{column}: the cell holds the number {number.ToString("R", CultureInfo.InvariantCulture)}, as a spreadsheet stores a date it converted; write the date as text, e.g. '2025-08-15 (an apostrophe first keeps it text)");
            return null;
        }

        return Text(row, column)?.Trim();
    }

    /// <summary>A number cell (a number, or text holding one with a decimal point); <c>null</c> when empty or not a finite number.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The column.</param>
    /// <param name="allowed">What the column allows, for the message: "a number from 0 to 1".</param>
    public double? Number(SheetRow row, string column, string allowed)
    {
        var value = Cell(row, column)?.Value;
        switch (value)
        {
            case null:
                return null;
            case double number when double.IsFinite(number):
                return number;
            case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                return parsed;
            case string text when text.Trim().Length == 0:
                return null;
            default:
                Report(At(row, column), $"{column}: {Describe(value)}; write {allowed}");
                return null;
        }
    }

    /// <summary>A whole-number cell from 0 (character offsets); <c>null</c> when empty or not one.</summary>
    public int? WholeNumber(SheetRow row, string column)
    {
        if (Number(row, column, "a whole number from 0") is not { } number)
        {
            return null;
        }

        if (number < 0 || number > int.MaxValue || number != Math.Floor(number))
        {
            Report(At(row, column), $"{column}: {number.ToString("R", CultureInfo.InvariantCulture)} is not allowed; write a whole number from 0");
            return null;
        }

        return (int)number;
    }

    /// <summary>A list cell: ids separated by <c>;</c>, each trimmed; empty when the cell is.</summary>
    public IReadOnlyList<string> List(SheetRow row, string column) =>
        Text(row, column) is { } text ? [.. text.Split(';').Select(item => item.Trim()).Where(item => item.Length > 0)] : [];

    /// <summary>The evidence-group numbers the header names (<c>evidence_2_text</c> gives 2), in order.</summary>
    public IReadOnlyList<int> EvidenceGroups() =>
        [.. columns.Keys.Select(name => EvidenceColumn().Match(name)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order()];

    /// <summary>Whether <paramref name="name"/> is a matrix CSV's evidence column (<c>evidence_N_kind|text|source</c>).</summary>
    public static bool IsEvidenceColumn(string name) => EvidenceColumn().IsMatch(name);

    [GeneratedRegex("^evidence_([1-9][0-9]{0,3})_(kind|text|source)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EvidenceColumn();

    private SheetCell? Cell(SheetRow row, string column) =>
        columns.TryGetValue(column, out var index) && row.Cells.TryGetValue(index, out var cell) ? cell : null;

    /// <summary>A wrong value as a message names it.</summary>
    private static string Describe(object? value) => value switch
    {
        SheetError error => $"the cell holds the error {Excerpt.Of(error.Text)} (a formula that failed)",
        bool flag => $"the cell holds {(flag ? "TRUE" : "FALSE")}, a yes/no value",
        double number => $"the cell holds the number {number.ToString("R", CultureInfo.InvariantCulture)}",
        string text => $"'{Excerpt.Of(text)}' is not a number",
        _ => "the cell's value is not allowed",
    };
}
