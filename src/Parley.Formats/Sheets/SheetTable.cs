namespace Parley.Formats.Sheets;

/// <summary>
/// One table of a matrix file: a workbook sheet, or the one table of a matrix CSV. Its first row
/// is the header; rows with no value at all are left out.
/// </summary>
/// <param name="Name">The sheet's name, or the CSV's file name.</param>
/// <param name="IsSheet">Whether the table is a workbook sheet (located by cell) rather than a CSV (located by line and column).</param>
/// <param name="Rows">The rows holding at least one value, in order, the header first when there is one.</param>
internal sealed record SheetTable(string Name, bool IsSheet, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>Where column <paramref name="column"/> (from 1) of <paramref name="row"/> is: its cell, or for a CSV the row's start when the row has no such field.</summary>
    public SourceLocation LocationOf(SheetRow row, int column) =>
        row.Cells.TryGetValue(column, out var cell) ? cell.Location
        : IsSheet ? new SourceLocation(row.Number, column) { Sheet = Name }
        : row.Start;

    /// <summary>Where the table starts: cell A1 of the sheet, or the CSV's first line.</summary>
    public SourceLocation Start => IsSheet ? new SourceLocation(1, 1) { Sheet = Name } : SourceLocation.Start;
}

/// <summary>One row of a <see cref="SheetTable"/>: its number (a sheet's row, a CSV's record) and its non-empty cells by column (from 1).</summary>
/// <param name="Number">The row number in the sheet, or the record number in a CSV (header = 1).</param>
/// <param name="Start">Where the row starts.</param>
/// <param name="Cells">The cells holding a value, by column number from 1.</param>
internal sealed record SheetRow(int Number, SourceLocation Start, IReadOnlyDictionary<int, SheetCell> Cells);

/// <summary>A cell's value and where it is.</summary>
/// <param name="Value">A <see cref="string"/>, a <see cref="double"/>, a <see cref="bool"/>, or a <see cref="SheetError"/>.</param>
/// <param name="Location">The cell (sheet, row, column) or, in a CSV, the field's line and column.</param>
internal sealed record SheetCell(object Value, SourceLocation Location);

/// <summary>A spreadsheet error value such as <c>#DIV/0!</c> or <c>#N/A</c>, as a formula left it.</summary>
/// <param name="Text">The error as the spreadsheet shows it.</param>
internal sealed record SheetError(string Text);
