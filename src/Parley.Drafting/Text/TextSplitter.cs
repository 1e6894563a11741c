using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Parley.Drafting.Text;

/// <summary>Splits a source's text into sentences and sentences into tokens, keeping every offset.</summary>
internal static partial class TextSplitter
{
    /// <summary>Abbreviations whose full stop does not end a sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "St.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Adm.",
        "Sen.", "Rep.", "Gov.", "Pres.", "Amb.", "Rev.", "Hon.", "No.", "Nos.", "vs.", "etc.", "e.g.", "i.e.", "approx.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Inc.", "Ltd.", "Co.", "Corp.",
    };

    /// <summary>The sentences of <paramref name="text"/>; a line break that ends a paragraph or heading also ends a sentence.</summary>
    public static ImmutableArray<Sentence> Sentences(string text)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var start = 0;
        void Add(int end)
        {
            var s = start;
            while (s < end && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            var e = end;
            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                sentences.Add(new Sentence(sentences.Count, s, e, text[s..e]));
            }

            start = end;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(i);
                continue;
            }

            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')' or ']')
            {
                end++;
            }

            if (end < text.Length && text[end] is not (' ' or '\n' or '\t'))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next < text.Length && !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '‘' or '\'' or '\n'))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            Add(end);
            i = end - 1;
        }

        Add(text.Length);
        return sentences.ToImmutable();
    }

    /// <summary>The tokens of <paramref name="sentence"/>, with offsets in the source.</summary>
    public static ImmutableArray<Token> Tokens(Sentence sentence)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        foreach (Match match in NonSpace().Matches(sentence.Text))
        {
            var raw = match.Value;
            var word = Bare(raw);
            tokens.Add(new Token(sentence.Start + match.Index, sentence.Start + match.Index + raw.Length, raw, word));
        }

        return tokens.ToImmutable();
    }

    /// <summary><paramref name="raw"/> without leading and trailing punctuation and quotation marks; a possessive ’s stays.</summary>
    public static string Bare(string raw)
    {
        var start = 0;
        var end = raw.Length;
        while (start < end && !char.IsLetterOrDigit(raw[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(raw[end - 1]) && !(raw[end - 1] == '.' && IsInitialism(raw[start..end])))
        {
            end--;
        }

        return raw[start..end];
    }

    /// <summary>The word without a possessive ending (’s, 's, s’).</summary>
    public static string WithoutPossessive(string word, out bool possessive)
    {
        possessive = word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal);
        return possessive ? word[..^2] : word;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var begin = dot;
        while (begin > 0 && !char.IsWhiteSpace(text[begin - 1]))
        {
            begin--;
        }

        var token = text[begin..(dot + 1)].TrimStart('(', '"', '“', '‘', '\'');
        return Abbreviations.Contains(token) || IsInitialism(token) || (token.Length == 2 && char.IsUpper(token[0]));
    }

    /// <summary>Initialisms such as U.S., U.K., U.N.: letters each followed by a full stop.</summary>
    private static bool IsInitialism(string token) => Initialism().IsMatch(token);

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonSpace();

    [GeneratedRegex(@"^(?:\p{Lu}\.){2,}$")]
    private static partial Regex Initialism();
}
