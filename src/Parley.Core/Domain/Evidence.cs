namespace Parley.Core.Domain;

/// <summary>Why an input has the value it has: a quote or paraphrase of a source, or an analyst's reasoned judgement.</summary>
/// <param name="Kind">Quote, paraphrase or analyst judgement.</param>
/// <param name="Text">The quote, the paraphrase, or the analyst's reason.</param>
/// <param name="SourceId">The <see cref="Source.Id"/> quoted or paraphrased; <c>null</c> for a judgement.</param>
public sealed record Evidence(EvidenceKind Kind, string Text, string? SourceId = null);
