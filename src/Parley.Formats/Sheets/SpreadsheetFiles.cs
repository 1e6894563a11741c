using Parley.Core.Domain;

namespace Parley.Formats.Sheets;

/// <summary>
/// Stance matrices as spreadsheets (<c>docs/spreadsheets.md</c>): an .xlsx workbook holding the whole
/// scenario in sheets (Scenario, Sources, Actors, Issues, Points, Stances, Evidence), and a flat CSV
/// of the stance matrix. Both read as scenarios on their own, or import into an existing scenario;
/// every bad cell is reported with its sheet and cell (<c>matrix.xlsx:Stances!D7: …</c>).
/// </summary>
public static class SpreadsheetFiles
{
    /// <summary>The media type of an .xlsx workbook.</summary>
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Whether <paramref name="bytes"/> are to be read as an .xlsx workbook: a zip archive, a file
    /// named <c>.xlsx</c> (which is then reported if it is not one), or an Excel 97-2003 workbook
    /// (reported as such, with how to save it as .xlsx, rather than as text that is not UTF-8).
    /// </summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> bytes, string fileName) =>
        XlsxWorkbook.IsZip(bytes) || XlsxWorkbook.IsCompoundFile(bytes) || (fileName ?? string.Empty).EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The scenario an .xlsx workbook holds, or every problem found, located by sheet and cell.</summary>
    /// <param name="bytes">The workbook's bytes (at most <see cref="InputText.DefaultMaxBytes"/>, unpacking to at most as much).</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="into">
    /// The scenario to import into, or <c>null</c> to read the workbook alone (then it needs the sheets
    /// Actors, Issues and Stances). When given, each sheet present replaces its part of the scenario and
    /// each absent sheet keeps it.
    /// </param>
    public static ReadResult ReadWorkbook(byte[] bytes, string fileName, Scenario? into = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fileName);
        var (sheets, problem) = XlsxWorkbook.Read(bytes, fileName);
        return sheets is null ? ReadResult.Failure([problem!]) : MatrixScenarioBuilder.FromWorkbook(sheets, fileName, into);
    }

    /// <summary>The scenario a matrix CSV holds, or every problem found, located by line and column.</summary>
    /// <param name="text">The CSV's text.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="into">
    /// The scenario to import into, or <c>null</c> to read the CSV alone. When given, the CSV's rows
    /// replace or add the stances they name (of the scenario's actors and issues only) and update the
    /// actors' names and capabilities and the issues' names and scales; everything else is kept.
    /// </param>
    public static ReadResult ReadCsv(string text, string fileName, Scenario? into = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var (table, problem) = MatrixCsvText.Parse(text.TrimStart('\uFEFF'), fileName);
        return table is null ? ReadResult.Failure([problem!]) : MatrixScenarioBuilder.FromCsv(table, fileName, into);
    }

    /// <summary>The scenario as an .xlsx workbook; reading it back gives the same scenario, drafts' candidate passages (the Candidates sheet) and suggestions included.</summary>
    public static byte[] ToXlsx(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return MatrixTables.ToXlsx(scenario);
    }

    /// <summary>The scenario's stance matrix as CSV (see <see cref="CsvOmissions"/> for what it leaves out).</summary>
    public static string ToCsv(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return MatrixTables.ToCsv(scenario);
    }

    /// <summary>What of <paramref name="scenario"/> a matrix CSV cannot carry, in words; empty when it carries everything.</summary>
    public static IReadOnlyList<string> CsvOmissions(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return MatrixTables.CsvOmissions(scenario);
    }
}
