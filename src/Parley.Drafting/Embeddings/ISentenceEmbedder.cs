namespace Parley.Drafting.Embeddings;

/// <summary>Turns sentences into unit-length vectors whose dot product measures how alike their meanings are.</summary>
public interface ISentenceEmbedder
{
    /// <summary>A short description for reports, e.g. the model's name.</summary>
    string Name { get; }

    /// <summary>One unit-length vector per sentence, in order; the same input gives the same vectors.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}
