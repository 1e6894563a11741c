namespace Parley.Reports.Html;

/// <summary>
/// The words around a quoted passage of a source: the sentence it stands in, cut to about
/// <see cref="Reach"/> characters on either side at a word boundary when the sentence is longer.
/// </summary>
/// <param name="Before">The text before the quote, with the space that separates them (starting with "…" when cut).</param>
/// <param name="Quote">The quoted words, exactly as they stand in the source.</param>
/// <param name="After">The text after the quote, with the space that separates them (ending with "…" when cut).</param>
public sealed record EvidenceContext(string Before, string Quote, string After)
{
    /// <summary>At most this many characters of context on either side of the quote.</summary>
    public const int Reach = 200;

    /// <summary>
    /// The context of <c>text[start..end]</c>, or <c>null</c> when the offsets do not lie within
    /// <paramref name="text"/> or the text there is not <paramref name="quote"/> (the source changed).
    /// </summary>
    public static EvidenceContext? Of(string text, int start, int end, string quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quote);
        if (start < 0 || end < start || end > text.Length || !text.AsSpan(start, end - start).SequenceEqual(quote))
        {
            return null;
        }

        var from = start;
        while (from > 0 && start - from < Reach && !EndsSentence(text, from - 1))
        {
            from--;
        }

        // A quote that ends its sentence ("... the war.") has nothing after it.
        var to = end;
        if (end == start || !EndsSentence(text, end - 1))
        {
            while (to < text.Length && to - end < Reach)
            {
                to++;
                if (EndsSentence(text, to - 1))
                {
                    break;
                }
            }
        }

        var before = text[from..start];
        var after = text[end..to];
        if (from > 0 && !EndsSentence(text, from - 1))
        {
            before = "…" + FromWord(before);
        }

        if (to < text.Length && !EndsSentence(text, to - 1))
        {
            after = ToWord(after) + "…";
        }

        return new EvidenceContext(before.TrimStart(), quote, after.TrimEnd());
    }

    /// <summary>
    /// Whether the character at <paramref name="index"/> ends a sentence: a line break, or ., ! or ?
    /// (with any closing quotes or brackets after it, as in <c>in the world.”</c>) before a space or the end.
    /// </summary>
    private static bool EndsSentence(string text, int index)
    {
        if (text[index] == '\n')
        {
            return true;
        }

        if (index + 1 < text.Length && !char.IsWhiteSpace(text[index + 1]))
        {
            return false;
        }

        var stop = index;
        while (stop > 0 && text[stop] is '"' or '”' or '’' or '\'' or ')' or ']')
        {
            stop--;
        }

        return text[stop] is '.' or '!' or '?';
    }

    /// <summary>The text from its first whole word (a cut at the start drops the partial word).</summary>
    private static string FromWord(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && space < text.Length - 1 ? text[(space + 1)..] : text;
    }

    /// <summary>The text up to its last whole word.</summary>
    private static string ToWord(string text)
    {
        var space = text.LastIndexOf(' ');
        return space > 0 ? text[..space] : text;
    }
}
