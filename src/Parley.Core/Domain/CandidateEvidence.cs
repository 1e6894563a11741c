namespace Parley.Core.Domain;

/// <summary>
/// A passage that a drafting tool found and proposes as evidence, not yet accepted by the analyst:
/// the exact words of a source, where they are, how they tie the actor to the issue, and how well
/// they match it. <c>Text[Start..End]</c> of the source's extracted text equals <see cref="Quote"/>.
/// </summary>
/// <param name="Quote">The exact words (at most 15), as they stand in the source.</param>
/// <param name="SourceId">The <see cref="Source.Id"/> quoted.</param>
/// <param name="Start">Offset of the first character in the source's extracted text (UTF-16 code units, from 0).</param>
/// <param name="End">Offset just past the last character; <c>End - Start == Quote.Length</c>.</param>
/// <param name="Kind">Direct quote, reported speech, description or mention.</param>
/// <param name="Score">How well the passage matches the issue (and actor), 0–1; candidates are listed best first.</param>
public sealed record CandidateEvidence(string Quote, string SourceId, int Start, int End, CandidateKind Kind, double Score);
