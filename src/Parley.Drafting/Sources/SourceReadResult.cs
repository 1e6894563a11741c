using Parley.Formats;

namespace Parley.Drafting.Sources;

/// <summary>A source read for drafting, or why it could not be read (a located diagnostic).</summary>
/// <param name="Document">The document, when it was read.</param>
/// <param name="Problem">What went wrong, when it was not.</param>
public sealed record SourceReadResult(SourceDocument? Document, Diagnostic? Problem);
