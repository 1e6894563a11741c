using System.Collections.Immutable;
using Parley.Drafting.Text;

namespace Parley.Drafting.Analysis;

/// <summary>
/// Picks the words of a sentence to quote: at most <see cref="MaxWords"/> words around the issue's
/// keywords (or around the actor when no keyword is there), grown to the surrounding clause's
/// edges while the budget lasts. The quote is always an exact substring of the source.
/// </summary>
internal static class QuoteWindow
{
    /// <summary>The project's rule: evidence quotes at most 15 words of a report.</summary>
    public const int MaxWords = 15;

    /// <summary>The first and last token of the window.</summary>
    public static (int First, int Last) Choose(ImmutableArray<Token> tokens, IReadOnlyList<int> focus)
    {
        if (tokens.IsEmpty)
        {
            return (0, -1);
        }

        var sorted = focus.Where(t => t >= 0 && t < tokens.Length).Distinct().Order().ToList();
        if (sorted.Count == 0)
        {
            sorted.Add(0);
        }

        // The densest run of focus tokens that fits the budget, earliest first on ties.
        var (first, last) = (sorted[0], sorted[0]);
        var bestCount = 0;
        for (var a = 0; a < sorted.Count; a++)
        {
            var b = a;
            while (b + 1 < sorted.Count && Words(tokens, sorted[a], sorted[b + 1]) <= MaxWords)
            {
                b++;
            }

            if (b - a + 1 > bestCount)
            {
                bestCount = b - a + 1;
                (first, last) = (sorted[a], sorted[b]);
            }
        }

        // Keep room for up to five words of the clause before the first focus word (its subject and verb),
        // dropping focus words from the right if the budget demands it.
        var context = first;
        while (context > 0 && first - context < 5 && !StopsLeft(tokens, context - 1))
        {
            context--;
        }

        while (last > first && Words(tokens, context, last) > MaxWords)
        {
            last--;
        }

        first = context;

        // Grow to the clause's edges: right, then left.
        while (last + 1 < tokens.Length && !StopsRight(tokens, last) && Words(tokens, first, last + 1) <= MaxWords)
        {
            last++;
        }

        while (first > 0 && !StopsLeft(tokens, first - 1) && Words(tokens, first - 1, last) <= MaxWords)
        {
            first--;
        }

        // A short clause after a verb of speech: what was said goes on past the comma ("needed grants, not loans, for adaptation").
        if (first > 0 && WordLists.SpeechVerbs.Contains(tokens[first - 1].Word))
        {
            while (Words(tokens, first, last) < 8 && last + 1 < tokens.Length && !tokens[last + 1].IsDash && !WordLists.ClauseStarts.Contains(tokens[last + 1].Word)
                   && tokens[last + 1].Word != "and" && Words(tokens, first, last + 1) <= MaxWords)
            {
                last++;
            }
        }

        // A short clause: grow across words that start clauses ("that", "which"), not across punctuation.
        while (Words(tokens, first, last) < 8 && first > 0 && !IsHardStop(tokens[first - 1]) && Words(tokens, first - 1, last) <= MaxWords)
        {
            first--;
        }

        while (Words(tokens, first, last) < 8 && last + 1 < tokens.Length && !IsHardStop(tokens[last]) && !tokens[last + 1].IsDash && Words(tokens, first, last + 1) <= MaxWords)
        {
            last++;
        }

        // Still very short: widen regardless of clause edges so that the quote says something,
        // rightwards first (after a subject comes what it says or does).
        while (Words(tokens, first, last) < 6)
        {
            if (last + 1 < tokens.Length && Words(tokens, first, last + 1) <= MaxWords)
            {
                last++;
            }
            else if (first > 0 && Words(tokens, first - 1, last) <= MaxWords)
            {
                first--;
            }
            else
            {
                break;
            }
        }

        while (first < last && !tokens[first].IsWord)
        {
            first++;
        }

        while (last > first && !tokens[last].IsWord)
        {
            last--;
        }

        return (first, last);
    }

    /// <summary>The exact text from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>, without trailing clause punctuation.</summary>
    public static (int Start, int End) Span(ImmutableArray<Token> tokens, int first, int last, string text)
    {
        var start = tokens[first].Start;
        var end = tokens[last].End;
        while (end > start && text[end - 1] is ',' or ';' or ':' or '.' or '—' or '–' or '(')
        {
            end--;
        }

        while (start < end && text[start] is '(' or '—' or '–')
        {
            start++;
        }

        return (start, end);
    }

    public static int Words(ImmutableArray<Token> tokens, int first, int last)
    {
        var count = 0;
        for (var t = first; t <= last; t++)
        {
            if (tokens[t].IsWord)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The clause around tokens <paramref name="first"/>..<paramref name="last"/>: out to the nearest
    /// punctuation that ends a clause or a word that joins two ("while", "whereas", "but").
    /// </summary>
    public static (int First, int Last) ClauseOf(ImmutableArray<Token> tokens, int first, int last)
    {
        static bool Joins(Token token) => token.Word is "while" or "whereas" or "but";
        while (first > 0 && !IsHardStop(tokens[first - 1]) && !Joins(tokens[first]))
        {
            first--;
        }

        while (last + 1 < tokens.Length && !IsHardStop(tokens[last]) && !Joins(tokens[last + 1]))
        {
            last++;
        }

        return (first, last);
    }

    /// <summary>Punctuation that ends a clause: a comma, semicolon, colon or a dash.</summary>
    private static bool IsHardStop(Token token) => token.EndsClause || token.IsDash;

    /// <summary>Growing left stops at token <paramref name="t"/> when it ends a clause or starts one ("that", "said", "but").</summary>
    private static bool StopsLeft(ImmutableArray<Token> tokens, int t) =>
        tokens[t].EndsClause || tokens[t].IsDash || WordLists.ClauseStarts.Contains(tokens[t].Word);

    /// <summary>Growing right stops after token <paramref name="t"/> when it ends a clause or the next one starts one (a verb of speech does not: what is said follows it).</summary>
    private static bool StopsRight(ImmutableArray<Token> tokens, int t) =>
        tokens[t].EndsClause || tokens[t + 1].IsDash || (WordLists.ClauseStarts.Contains(tokens[t + 1].Word) && !WordLists.SpeechVerbs.Contains(tokens[t + 1].Word));
}
