namespace Parley.Formats;

/// <summary>
/// A place in an input file: line and column, both from 1; in a spreadsheet workbook, the
/// <see cref="Sheet"/> with the cell's row (<see cref="Line"/>) and column number.
/// </summary>
/// <param name="Line">Line number, from 1 (a sheet's row number).</param>
/// <param name="Column">Column number, from 1 (in a sheet, A = 1).</param>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>The workbook sheet the cell is on; <c>null</c> for a text file.</summary>
    public string? Sheet { get; init; }

    /// <summary>The start of a file, used when nothing more precise is known.</summary>
    public static SourceLocation Start { get; } = new(1, 1);
}
