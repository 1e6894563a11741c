namespace Parley.Core.Domain;

/// <summary>How a piece of <see cref="Evidence"/> supports an input.</summary>
public enum EvidenceKind
{
    /// <summary>A short verbatim quote from a source.</summary>
    Quote,

    /// <summary>A paraphrase of what a source reports.</summary>
    Paraphrase,

    /// <summary>The analyst's own judgement; <see cref="Evidence.Text"/> gives the reason.</summary>
    AnalystJudgement,
}
