using Api.Infrastructure.Integrations.OpenAi;
using System.Numerics.Tensors;

namespace Api.Infrastructure.Integrations.Embeddings;

/// <summary>
/// The embedding model both ShopperSearch and PriceWatch use: the local <see cref="LocalEmbedder"/> (all-MiniLM-L6-v2) by
/// default, or an OpenAI-compatible server when <c>Integrations:OpenAi:BaseUrl</c> and <c>EmbeddingModel</c> are set.
/// <see cref="Model"/> is stored next to every vector (<c>text_embedding_model</c>, <c>embedding_model</c>); rows whose model is
/// not the current one are re-embedded by the modules' background jobs, and are never compared with vectors of another model.
/// Catalog texts are embedded only in background jobs; a request embeds only its query, through <see cref="EmbedQueryAsync"/>,
/// which remembers the last <c>Embeddings:QueryCacheSize</c> (default 10,000) query vectors per model.
/// </summary>
public sealed class TextEmbeddings(LocalEmbedder local, IServiceProvider services, IConfiguration config)
{
    readonly QueryVectorCache _queries = new(config.GetValue("Embeddings:QueryCacheSize", 10_000));

    OpenAiClient? Remote
    {
        get
        {
            var client = services.GetService<OpenAiClient>();
            return client is { EmbeddingsConfigured: true } ? client : null;
        }
    }

    /// <summary>The model vectors come from now: "openai:&lt;model&gt;" or <see cref="LocalEmbedder.ModelName"/>.</summary>
    public string Model => Remote is { } r ? "openai:" + r.EmbeddingModel : LocalEmbedder.ModelName;

    public bool IsLocal => Remote is null;

    /// <summary>One L2-normalised vector per text. Background work only (pipelines, jobs, seeding).</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return [];
        if (Remote is not { } remote) return await local.EmbedAsync(texts, ct);
        var vectors = await remote.EmbedAsync(texts, ct);
        foreach (var v in vectors) Normalize(v);
        return vectors;
    }

    /// <summary>The vector of a search query, from the bounded LRU cache when it was asked before under the same model.</summary>
    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken ct)
    {
        var model = Model;
        var key = model + "\n" + string.Join(' ', query.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (_queries.TryGet(key, out var hit)) return hit;
        var v = (await EmbedAsync([query], ct))[0];
        _queries.Put(key, v);
        return v;
    }

    public int CachedQueries => _queries.Count;

    public static void Normalize(float[] v)
    {
        var norm = MathF.Sqrt(TensorPrimitives.Dot<float>(v, v));
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
    }
}

/// <summary>A bounded least-recently-used map from query text to vector (a lock around a dictionary and a linked list).</summary>
sealed class QueryVectorCache(int capacity)
{
    readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _map = new(StringComparer.Ordinal);
    readonly LinkedList<(string Key, float[] Vector)> _order = new();

    public int Count { get { lock (_map) return _map.Count; } }

    public bool TryGet(string key, out float[] vector)
    {
        lock (_map)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node); _order.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }
        vector = [];
        return false;
    }

    public void Put(string key, float[] vector)
    {
        if (capacity <= 0) return;
        lock (_map)
        {
            if (_map.TryGetValue(key, out var old)) { _order.Remove(old); _map.Remove(key); }
            _map[key] = _order.AddFirst((key, vector));
            while (_map.Count > capacity && _order.Last is { } last) { _order.RemoveLast(); _map.Remove(last.Value.Key); }
        }
    }
}

public static class EmbeddingRegistration
{
    /// <summary>Registers the shared embedder once (both modules call it).</summary>
    public static IServiceCollection AddTextEmbeddings(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(TextEmbeddings))) return services;
        services.AddOpenAiClient();
        services.AddSingleton<LocalEmbedder>();
        services.AddSingleton<TextEmbeddings>();
        return services;
    }
}
