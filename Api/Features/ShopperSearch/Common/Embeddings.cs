using Api.Infrastructure.Integrations.Embeddings;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// Text embeddings behind one interface: the shared <see cref="TextEmbeddings"/> (all-MiniLM-L6-v2 in-process by default, or an
/// OpenAI-compatible server when <c>Integrations:OpenAi:BaseUrl</c> and <c>EmbeddingModel</c> are set). Vectors are
/// L2-normalised, so a dot product is the cosine. <see cref="Model"/> is stored with every vector (<c>text_embedding_model</c>).
/// </summary>
interface ITextEmbedder
{
    string Model { get; }
    /// <summary>Catalog texts: background work only (the pipeline, the re-embed job, seeding).</summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct);
    /// <summary>A search query, through the bounded LRU cache of query vectors.</summary>
    Task<float[]> EmbedQueryAsync(string query, CancellationToken ct);
}

sealed class TextEmbedder(TextEmbeddings embeddings) : ITextEmbedder
{
    public string Model => embeddings.Model;
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) => embeddings.EmbedAsync(texts, ct);
    public Task<float[]> EmbedQueryAsync(string query, CancellationToken ct) => embeddings.EmbedQueryAsync(query, ct);
}

/// <summary>Vector helpers (the image descriptors of <see cref="ImageAnalysis"/> use them too).</summary>
static class LocalEmbedding
{
    /// <summary>The hashed-words model this module used before issue 19; rows still holding its vectors get re-embedded.</summary>
    public const string LegacyModelName = "local-ngram-256-v1";

    public static float[] Normalize(float[] v)
    {
        double sum = 0;
        foreach (var x in v) sum += x * x;
        if (sum <= 0) return v;
        var inv = (float)(1 / Math.Sqrt(sum));
        var o = new float[v.Length];
        for (var i = 0; i < v.Length; i++) o[i] = v[i] * inv;
        return o;
    }

    public static double Cosine(float[]? a, float[]? b) =>
        a is null || b is null || a.Length != b.Length || a.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.CosineSimilarity<float>(a, b) is var c && float.IsFinite(c) ? c : 0;
}
