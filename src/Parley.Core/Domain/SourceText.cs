namespace Parley.Core.Domain;

/// <summary>
/// The extracted text of one of a scenario's sources (what <see cref="CandidateEvidence"/> offsets
/// index), or why it is not at hand: the file is gone, unreadable, or changed since the draft.
/// </summary>
/// <param name="SourceId">The <see cref="Source.Id"/>.</param>
/// <param name="Text">The extracted text, or <c>null</c>.</param>
/// <param name="Problem">Why there is no text, in plain words for a reader, or <c>null</c>.</param>
public sealed record SourceText(string SourceId, string? Text, string? Problem);
