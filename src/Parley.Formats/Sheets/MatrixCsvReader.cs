namespace Parley.Formats.Sheets;

/// <summary>
/// Reads Parley's matrix CSV as a scenario: recognised by a header naming the columns <c>actor</c>,
/// <c>issue</c>, <c>position</c> and <c>salience</c> (which no peer CSV has together: BDM files have
/// no issue column, KTAB files start with a name line, Decide files with <c>#</c> rows).
/// </summary>
public sealed class MatrixCsvReader : IScenarioFormatReader
{
    /// <inheritdoc />
    public ScenarioFormat Format => ScenarioFormat.MatrixCsv;

    /// <inheritdoc />
    public bool Recognizes(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? text : text[..end]).TrimStart('\uFEFF');
        var names = first.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return SheetLayout.CsvRequired.All(names.Contains);
    }

    /// <inheritdoc />
    public ReadResult Read(string text, string fileName) => SpreadsheetFiles.ReadCsv(text, fileName);
}
