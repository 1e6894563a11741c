namespace Parley.Drafting.Sources;

/// <summary>The kind of document a source is, which decides how its text is extracted.</summary>
public enum SourceKind
{
    /// <summary>Plain text, read as it is (UTF-8).</summary>
    Text,

    /// <summary>Markdown: headings, emphasis, links and code marks are removed, their words kept.</summary>
    Markdown,

    /// <summary>An HTML page: its main content is extracted (SmartReader, a port of Mozilla's Readability).</summary>
    Html,

    /// <summary>A PDF: the text of every page, in reading order (PdfPig).</summary>
    Pdf,
}
