namespace Parley.Drafting.Embeddings;

/// <summary>
/// Remembers the vectors of texts already embedded (issue descriptions, the lexicon, sentences of
/// a source drafted again), so that a drafter reused across calls embeds each text once. Holds at
/// most <see cref="Capacity"/> texts and starts afresh when full. Thread-safe.
/// </summary>
internal sealed class EmbeddingCache(ISentenceEmbedder embedder)
{
    public const int Capacity = 20_000;

    private readonly Dictionary<string, float[]> vectors = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Name => embedder.Name;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        List<string> missing;
        lock (gate)
        {
            missing = [.. texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal)];
        }

        var computed = missing.Count == 0 ? [] : embedder.Embed(missing, cancellationToken);
        lock (gate)
        {
            if (vectors.Count + missing.Count > Capacity)
            {
                vectors.Clear();
            }

            for (var i = 0; i < missing.Count; i++)
            {
                vectors[missing[i]] = computed[i];
            }

            return [.. texts.Select(t => vectors.TryGetValue(t, out var v) ? v : computed[missing.IndexOf(t)])];
        }
    }
}
