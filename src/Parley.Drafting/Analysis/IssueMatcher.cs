using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parley.Drafting.Embeddings;
using Parley.Drafting.Issues;

namespace Parley.Drafting.Analysis;

/// <summary>
/// How well each sentence matches each issue: half keyword evidence (hits of the issue's keywords,
/// two or more count fully), half meaning (cosine similarity of the sentence's embedding with the
/// issue's name and end sentences, 0.15 counting as nothing and 0.55 or more fully).
/// </summary>
internal sealed class IssueMatcher
{
    /// <summary>Cosine similarity below which meaning adds nothing.</summary>
    public const double CosineFloor = 0.15;

    /// <summary>Cosine similarity at which meaning counts fully.</summary>
    public const double CosineCeiling = 0.55;

    private readonly ImmutableArray<Regex?> keywordPatterns;
    private readonly ImmutableArray<float[][]> issueVectors;

    public IssueMatcher(ImmutableArray<IssueDefinition> issues, EmbeddingCache embedder, CancellationToken cancellationToken)
    {
        keywordPatterns = [.. issues.Select(i => KeywordPattern(i.Keywords))];
        var texts = issues.SelectMany(i => new[] { i.Description, i.LowSentence, i.HighSentence }).ToList();
        var vectors = embedder.Embed(texts, cancellationToken);
        issueVectors = [.. issues.Select((_, i) => new[] { vectors[3 * i], vectors[3 * i + 1], vectors[3 * i + 2] })];
    }

    /// <summary>The keyword hits of issue <paramref name="issue"/> in <paramref name="text"/>: offsets within the text.</summary>
    public IReadOnlyList<(int Index, int Length)> KeywordHits(int issue, string text)
    {
        if (keywordPatterns[issue] is not { } pattern)
        {
            return [];
        }

        return [.. pattern.Matches(text).Select(m => (m.Index, m.Length))];
    }

    /// <summary>Relevance of a sentence (its text and unit embedding) to issue <paramref name="issue"/>, 0-1.</summary>
    public double Relevance(int issue, string text, float[] vector)
    {
        var hits = KeywordHits(issue, text).Count;
        var keyword = Math.Min(1.0, hits / 2.0);
        var cosine = issueVectors[issue].Max(v => VectorMath.Cosine(v, vector));
        var meaning = Math.Clamp((cosine - CosineFloor) / (CosineCeiling - CosineFloor), 0, 1);
        return 0.5 * keyword + 0.5 * meaning;
    }

    private static Regex? KeywordPattern(ImmutableArray<string> keywords)
    {
        if (keywords.IsEmpty)
        {
            return null;
        }

        var alternatives = keywords.OrderByDescending(k => k.Length).Select(k => Regex.Escape(k).Replace(@"\ ", @"\s+", StringComparison.Ordinal));
        return new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
