using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Formats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Parley.Drafting.Sources;

/// <summary>
/// Turns a file's bytes into a <see cref="SourceDocument"/>: detects its kind (by extension, then by
/// content), extracts plain text, and finds a title and a date. A file that cannot be read is a
/// located diagnostic, never an exception.
/// </summary>
public static partial class SourceReader
{
    /// <summary>Reads the file at <paramref name="path"/>; <paramref name="id"/> becomes the source id.</summary>
    public static SourceReadResult ReadFile(string path, string id)
    {
        if (Directory.Exists(path))
        {
            return Fail(path, 1, 1, "this is a directory, not a source document; give the documents themselves (e.g. folder/*.txt)");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = error switch
            {
                FileNotFoundException => "no such file",
                DirectoryNotFoundException => "no such directory",
                UnauthorizedAccessException => "permission denied",
                _ => error.Message,
            };
            return Fail(path, 1, 1, $"cannot read the source: {why}");
        }

        return Read(bytes, path, id);
    }

    /// <summary>Reads <paramref name="bytes"/> as if they were the file <paramref name="fileName"/>.</summary>
    public static SourceReadResult Read(byte[] bytes, string fileName, string id)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var kind = DetectKind(bytes, fileName);
        if (kind == SourceKind.Pdf)
        {
            return ReadPdf(bytes, fileName, id, sha256);
        }

        string raw;
        try
        {
            raw = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException error)
        {
            var (line, column) = LineColumn(bytes, error.Index);
            return Fail(fileName, line, column, "the source is not UTF-8 text, HTML, Markdown or PDF; save it as UTF-8 or convert it to one of those");
        }

        if (raw.Length > 0 && raw[0] == '\uFEFF')
        {
            raw = raw[1..];
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            return Fail(fileName, 1, 1, "the source is a binary file; give a text, Markdown, HTML or PDF document");
        }

        var (text, title, date) = kind switch
        {
            SourceKind.Html => ExtractHtml(raw, fileName),
            SourceKind.Markdown => MarkdownText.Extract(raw),
            _ => (Normalize(raw), FirstLineTitle(raw), (string?)null),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(fileName, 1, 1, kind == SourceKind.Html
                ? "no readable main content found in the page; save the article's text or give another page"
                : "the source is empty; give a document with text to draft from");
        }

        return new SourceReadResult(new SourceDocument(id, title ?? FileTitle(fileName), date ?? FindDate(text), fileName, sha256, kind, text), null);
    }

    /// <summary>The kind of <paramref name="fileName"/>: by extension, else by its first bytes.</summary>
    public static SourceKind DetectKind(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".pdf":
                return SourceKind.Pdf;
            case ".html" or ".htm" or ".xhtml":
                return SourceKind.Html;
            case ".md" or ".markdown":
                return SourceKind.Markdown;
        }

        if (bytes.Length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-')
        {
            return SourceKind.Pdf;
        }

        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? SourceKind.Html
            : SourceKind.Text;
    }

    private static SourceReadResult ReadPdf(byte[] bytes, string fileName, string id, string sha256)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                var pageText = ContentOrderTextExtractor.GetText(page);
                text.Append(pageText.Trim()).Append("\n\n");
            }

            var normalized = Normalize(text.ToString());
            if (string.IsNullOrWhiteSpace(normalized))
            {
                return Fail(fileName, 1, 1, "the PDF has no text layer (a scan?); run it through OCR or give the text");
            }

            var title = document.Information.Title is { Length: > 0 } t ? t.Trim() : FirstLineTitle(normalized);
            return new SourceReadResult(new SourceDocument(id, title ?? FileTitle(fileName), FindDate(normalized), fileName, sha256, SourceKind.Pdf, normalized), null);
        }
#pragma warning disable CA1031 // PdfPig throws many exception types on damaged files; each becomes one located message.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return Fail(fileName, 1, 1, $"cannot read the PDF: {error.Message.Trim()}; check that the file is a complete, unencrypted PDF");
        }
    }

    private static (string Text, string? Title, string? Date) ExtractHtml(string html, string fileName)
    {
        var reader = new SmartReader.Reader("file:///" + Uri.EscapeDataString(Path.GetFileName(fileName)), html);
        var article = reader.GetArticle();
        var text = article.IsReadable ? article.TextContent : string.Empty;
        var date = article.PublicationDate is { } published ? published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var title = string.IsNullOrWhiteSpace(article.Title) ? null : WhiteSpace().Replace(article.Title, " ").Trim();
        return (Normalize(System.Net.WebUtility.HtmlDecode(text ?? string.Empty)), title, date);
    }

    /// <summary>Line endings as <c>\n</c>, runs of blank lines as one, trailing spaces removed: offsets then count the same on every platform.</summary>
    internal static string Normalize(string text)
    {
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = unified.Split('\n').Select(line => line.TrimEnd());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim('\n');
    }

    /// <summary>The first line as a title when it reads like a headline: short and without a closing full stop.</summary>
    internal static string? FirstLineTitle(string text)
    {
        var first = text.TrimStart().Split('\n', 2)[0].Trim();
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words is > 0 and <= 20 && !first.EndsWith('.') ? first : null;
    }

    private static string FileTitle(string fileName) => Path.GetFileNameWithoutExtension(fileName);

    /// <summary>The first date written in full in the text (ISO 8601, "14 August 2025", "August 14, 2025"), as ISO 8601.</summary>
    internal static string? FindDate(string text)
    {
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["iso"].Success)
        {
            return match.Groups["iso"].Value;
        }

        var day = match.Groups["d1"].Success ? match.Groups["d1"].Value : match.Groups["d2"].Value;
        var month = match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value;
        var monthNumber = DateTimeFormatInfo.InvariantInfo.MonthNames.Take(12).ToList().FindIndex(m => m.Equals(month, StringComparison.OrdinalIgnoreCase)) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{match.Groups["y"].Value}-{monthNumber:00}-{int.Parse(day, CultureInfo.InvariantCulture):00}");
    }

    private static SourceReadResult Fail(string fileName, int line, int column, string message) =>
        new(null, new Diagnostic(fileName, line, column, message));

    private static (int Line, int Column) LineColumn(byte[] bytes, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(index, bytes.Length); i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\b(?:(?<iso>\d{4}-\d{2}-\d{2})|(?<d1>\d{1,2}) (?<m1>January|February|March|April|May|June|July|August|September|October|November|December),? (?<y>\d{4})|(?<m2>January|February|March|April|May|June|July|August|September|October|November|December) (?<d2>\d{1,2}), (?<y>\d{4}))\b")]
    private static partial Regex DatePattern();
}
