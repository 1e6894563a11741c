namespace Parley.Drafting.Sources;

/// <summary>
/// A document read for drafting: its plain text (the text every candidate's offsets refer to) and
/// what identifies it. Built by <see cref="SourceReader"/>.
/// </summary>
/// <param name="Id">Identifier the scenario's evidence uses, e.g. <c>alaska-summit-article</c>.</param>
/// <param name="Title">The document's title or headline, else its file name.</param>
/// <param name="Date">Publication date (ISO 8601) when the document states one, else <c>null</c>.</param>
/// <param name="File">The file as the user named it.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, 64 lowercase hex digits.</param>
/// <param name="Kind">How the text was extracted: text, Markdown, HTML or PDF.</param>
/// <param name="Text">The extracted plain text. Candidate offsets index this string.</param>
public sealed record SourceDocument(string Id, string Title, string? Date, string File, string Sha256, SourceKind Kind, string Text);
