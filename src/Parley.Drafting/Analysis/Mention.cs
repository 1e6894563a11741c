namespace Parley.Drafting.Analysis;

/// <summary>A mention of a gazetteer entity or a person in a sentence.</summary>
/// <param name="Source">Index of the source.</param>
/// <param name="Sentence">Index of the sentence in its source.</param>
/// <param name="Start">Offset of the mention in the source's text.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Key">The gazetteer id, or <c>person:</c> and the person's key.</param>
/// <param name="FirstToken">Index of the first token it covers.</param>
/// <param name="LastToken">Index of the last token it covers.</param>
/// <param name="IsDemonym">Whether it is an adjective ("Russian").</param>
/// <param name="IsPronoun">Whether it is "he" or "she" resolved to a person.</param>
internal sealed record Mention(int Source, int Sentence, int Start, int End, string Key, int FirstToken, int LastToken, bool IsDemonym, bool IsPronoun)
{
    /// <summary>What the actor does in the sentence.</summary>
    public MentionRole Role { get; set; }

    /// <summary>Whether the mention is followed by a possessive ’s.</summary>
    public bool IsPossessive { get; set; }

    /// <summary>Whether this demonym or name only gives a person's affiliation ("Russian" in "Russian President Vladimir Putin").</summary>
    public bool IsAffiliationOnly { get; set; }

    public bool IsPerson => Key.StartsWith(PersonPrefix, StringComparison.Ordinal);

    public const string PersonPrefix = "person:";
}
