using System.Collections.Immutable;
using Parley.Drafting.Sources;
using Parley.Drafting.Text;

namespace Parley.Drafting.Analysis;

/// <summary>A source split into sentences and tokens, with the mentions found in each sentence.</summary>
internal sealed class AnalyzedSource
{
    public AnalyzedSource(int index, SourceDocument document)
    {
        Index = index;
        Document = document;
        Sentences = TextSplitter.Sentences(document.Text);
        Tokens = [.. Sentences.Select(TextSplitter.Tokens)];
        Mentions = [.. Sentences.Select(_ => new List<Mention>())];
    }

    public int Index { get; }

    public SourceDocument Document { get; }

    public ImmutableArray<Sentence> Sentences { get; }

    public ImmutableArray<ImmutableArray<Token>> Tokens { get; }

    public ImmutableArray<List<Mention>> Mentions { get; }

    /// <summary>The index of the token of sentence <paramref name="sentence"/> that contains offset <paramref name="offset"/>.</summary>
    public int TokenAt(int sentence, int offset)
    {
        var tokens = Tokens[sentence];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (offset < tokens[i].End)
            {
                return i;
            }
        }

        return tokens.Length - 1;
    }
}
