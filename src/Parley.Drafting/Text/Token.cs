namespace Parley.Drafting.Text;

/// <summary>A whitespace-separated token of a sentence, with its offsets in the source and its bare word.</summary>
/// <param name="Start">Offset of its first character in the source.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Raw">The token as written, punctuation included.</param>
/// <param name="Word">The token without surrounding punctuation and quotation marks; empty for pure punctuation.</param>
internal sealed record Token(int Start, int End, string Raw, string Word)
{
    /// <summary>Whether the token counts as a word (it has a letter or digit).</summary>
    public bool IsWord => Word.Length > 0;

    /// <summary>Whether the word is written with a capital first letter.</summary>
    public bool IsCapitalized => Word.Length > 0 && char.IsUpper(Word[0]);

    /// <summary>Whether the token ends a clause: a comma, semicolon, colon or closing bracket after it, or a dash on its own.</summary>
    public bool EndsClause => Raw.Length > 0 && (Raw[^1] is ',' or ';' or ':' or ')' || (Raw[^1] is '”' or '"' && Raw.Length > 1 && Raw[^2] is ',' or ';'));

    /// <summary>Whether the token is a dash standing alone (— or –).</summary>
    public bool IsDash => Word.Length == 0 && Raw.Trim() is "—" or "–" or "-" or "--";
}
