using System.Collections.Immutable;
using Parley.Formats.Decide;

namespace Parley.Formats;

/// <summary>
/// Reads scenario files in any supported format: the one entry point the CLI and tools use.
/// The format is detected from the content unless the caller names it.
/// </summary>
public static class ScenarioFiles
{
    /// <summary>The readers of every supported format, in detection order (most specific first).</summary>
    public static ImmutableArray<IScenarioFormatReader> Readers { get; } =
    [
        new DecideReader(),
        Native.NativeScenarioReader.Json,
        new Ktab.KtabXmlReader(),
        new Ktab.KtabCsvReader(),
        new Sheets.MatrixCsvReader(),
        Native.NativeScenarioReader.Yaml,
        new BdmCsvReader(),
        new Deu.DeuReader(),
    ];

    /// <summary>The reader for <paramref name="format"/>, or <c>null</c> if none is registered.</summary>
    public static IScenarioFormatReader? ReaderFor(ScenarioFormat format) =>
        Readers.FirstOrDefault(r => r.Format == format);

    /// <summary>Reads the file at <paramref name="path"/>; an unreadable file is a diagnostic, not an exception.</summary>
    /// <param name="path">The file, as the user named it (used in diagnostics).</param>
    /// <param name="format">The format, or <c>null</c> to detect it from the content.</param>
    public static ReadResult Read(string path, ScenarioFormat? format = null)
    {
        var (bytes, problem) = InputText.ReadBytes(path);
        return bytes is null ? ReadResult.Failure([problem!]) : ReadBytes(bytes, path, format);
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> as if they were the file <paramref name="fileName"/>: an .xlsx
    /// workbook (a zip archive, or a file named .xlsx, or <paramref name="format"/> <see cref="ScenarioFormat.Xlsx"/>)
    /// as a matrix workbook, anything else as text.
    /// </summary>
    public static ReadResult ReadBytes(byte[] bytes, string fileName, ScenarioFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (format == ScenarioFormat.Xlsx || (format is null && Sheets.SpreadsheetFiles.IsWorkbook(bytes, fileName)))
        {
            return Sheets.SpreadsheetFiles.ReadWorkbook(bytes, fileName);
        }

        var (text, problem) = InputText.Decode(bytes, fileName);
        return text is null ? ReadResult.Failure([problem!]) : ReadText(text, fileName, format);
    }

    /// <summary>Reads <paramref name="text"/> as if it were the file <paramref name="fileName"/>.</summary>
    public static ReadResult ReadText(string text, string fileName, ScenarioFormat? format = null)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failure([new Diagnostic(fileName, 1, 1, "the file is empty; a scenario needs actors, issues and stances")]);
        }

        if (format == ScenarioFormat.Xlsx)
        {
            return ReadResult.Failure([new Diagnostic(fileName, 1, 1, "an .xlsx workbook is binary, not text: give it as a file (or upload it to POST /scenarios/{name}/matrix)")]);
        }

        var reader = format is { } named ? ReaderFor(named) : Detect(text, fileName);
        if (reader is null)
        {
            return ReadResult.Failure([new Diagnostic(fileName, 1, 1, format is null
                ? $"cannot tell the file's format from its content; name it with --format ({FormatNames})"
                : $"no reader for format {FormatName(format.Value)}; use one of {FormatNames}")]);
        }

        return reader.Read(text, fileName);
    }

    /// <summary>The reader whose format <paramref name="text"/> looks like, or <c>null</c>.</summary>
    public static IScenarioFormatReader? Detect(string text, string fileName) =>
        Readers.FirstOrDefault(r => r.Recognizes(text, fileName));

    /// <summary>The command-line name of a format: <c>yaml</c>, <c>json</c>, <c>ktab</c>, <c>ktab-xml</c>, <c>decide</c>, <c>bdm</c>, <c>deu</c>, <c>xlsx</c>, <c>csv</c> (the matrix CSV).</summary>
    public static string FormatName(ScenarioFormat format) => format switch
    {
        ScenarioFormat.Yaml => "yaml",
        ScenarioFormat.Json => "json",
        ScenarioFormat.KtabCsv => "ktab",
        ScenarioFormat.KtabXml => "ktab-xml",
        ScenarioFormat.Decide => "decide",
        ScenarioFormat.BdmCsv => "bdm",
        ScenarioFormat.Deu => "deu",
        ScenarioFormat.Xlsx => "xlsx",
        ScenarioFormat.MatrixCsv => "csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };

    /// <summary>The format named <paramref name="name"/> on the command line, or <c>null</c>.</summary>
    public static ScenarioFormat? ParseFormatName(string name) =>
        Enum.GetValues<ScenarioFormat>().Select(f => (ScenarioFormat?)f)
            .FirstOrDefault(f => string.Equals(FormatName(f!.Value), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>All command-line format names, comma-separated.</summary>
    public static string FormatNames => string.Join(", ", Enum.GetValues<ScenarioFormat>().Select(FormatName));
}
