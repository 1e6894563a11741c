using System.Globalization;

namespace Parley.Formats;

/// <summary>
/// One problem found in an input file, located by line and column (both from 1) and worded to
/// tell the user what is wrong and what is allowed.
/// </summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">Line number, from 1.</param>
/// <param name="Column">Column number, from 1.</param>
/// <param name="Message">
/// What is wrong and what is allowed. Values a message quotes are excerpts (<see cref="Excerpt"/>); as the last
/// guard, a message longer than <see cref="MaxMessageLength"/> characters is cut there, so no input can make
/// one diagnostic long (found by fuzzing: a 32,000-digit number quoted whole).
/// </param>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>The most characters a diagnostic's message keeps.</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>What is wrong and what is allowed, at most <see cref="MaxMessageLength"/> characters.</summary>
    public string Message { get; init; } = Clip(Message);

    private static string Clip(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= MaxMessageLength)
        {
            return message;
        }

        var kept = message[..MaxMessageLength];
        if (char.IsHighSurrogate(kept[^1]))
        {
            kept = kept[..^1];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{kept}… (message cut from {message.Length:N0} characters)");
    }

    /// <summary>
    /// When this diagnostic closes a cut list ("and N more problems", <see cref="DiagnosticList.Summarize"/>),
    /// the N problems it stands for; 0 for a diagnostic that reports one problem. Counting
    /// (<see cref="DiagnosticList.CountProblems"/>) takes it instead of the line itself.
    /// </summary>
    public int MoreProblems { get; init; }

    /// <summary>
    /// The workbook sheet the problem is on (<see cref="Line"/> is then the row and <see cref="Column"/>
    /// the column number of the cell); <c>null</c> for a text file.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>The cell in A1 notation (<c>C7</c>) when the problem is on a <see cref="Sheet"/>, else <c>null</c>.</summary>
    public string? Cell => Sheet is null ? null : CellName(Line, Column);

    /// <summary>A cell's A1 name: column 3, row 7 is <c>C7</c>; column 28 is <c>AB</c>.</summary>
    public static string CellName(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var letters = string.Empty;
        for (var rest = column; rest > 0; rest = (rest - 1) / 26)
        {
            letters = (char)('A' + ((rest - 1) % 26)) + letters;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{letters}{row}");
    }

    /// <summary>The diagnostic as <c>file:line:column: message</c>, or <c>file:Sheet!C7: message</c> for a cell of a workbook.</summary>
    public override string ToString() => Sheet is null
        ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}")
        : $"{File}:{Sheet}!{Cell}: {Message}";

    /// <summary>A problem at <paramref name="location"/> of <paramref name="file"/>, on its sheet when it has one.</summary>
    public static Diagnostic At(string file, SourceLocation location, string message) =>
        new(file, location.Line, location.Column, message) { Sheet = location.Sheet };
}
