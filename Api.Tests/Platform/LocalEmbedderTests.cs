using System.Numerics.Tensors;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Integrations.Embeddings;
using Microsoft.Extensions.Configuration;

namespace Api.Tests.Platform;

/// <summary>One model for the class: loading it costs about a second.</summary>
public sealed class LocalModel : IDisposable
{
    public LocalEmbedder Embedder { get; } = new(new ConfigurationBuilder().Build());
    public void Dispose() => Embedder.Dispose();
}

/// <summary>The shared local embedding model (all-MiniLM-L6-v2 in-process), the query-vector cache and the exact vector index.</summary>
public sealed class LocalEmbedderTests(LocalModel model) : IClassFixture<LocalModel>
{
    float[] One(string text) => model.Embedder.Embed([text], CancellationToken.None)[0];
    static float Cos(float[] a, float[] b) => TensorPrimitives.Dot<float>(a, b);

    [Fact]
    public void Vectors_have_384_dimensions_and_unit_length()
    {
        var v = One("Navy wool blazer, slim fit");
        Assert.Equal(384, v.Length);
        Assert.Equal(LocalEmbedder.Dimensions, v.Length);
        Assert.Equal(1.0, Math.Sqrt(Cos(v, v)), 4);
        Assert.Equal(384, One("").Length);   // an empty text still embeds
    }

    [Fact]
    public void Embedding_is_deterministic_and_a_batch_agrees_with_single_texts()
    {
        string[] texts = ["navy blazer", "Panasonic KX-TGA670B cordless handset DECT 6.0 with a longer description of the product", "running shoes"];
        var batch = model.Embedder.Embed(texts, CancellationToken.None);
        var again = model.Embedder.Embed(texts, CancellationToken.None);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(batch[i], again[i]);
            Assert.True(Cos(batch[i], One(texts[i])) > 0.9999, $"batch and single differ for {texts[i]}");   // padding is masked
        }
    }

    [Fact]
    public void Nearby_meanings_are_closer_than_unrelated_ones()
    {
        var blazer = One("navy blazer");
        Assert.True(Cos(blazer, One("dark blue suit jacket")) > Cos(blazer, One("running shoes")) + 0.1);
        var dress = One("floral summer dress");
        Assert.True(Cos(dress, One("light sundress for the beach")) > Cos(dress, One("leather work boots")));
        var handset = One("cordless phone handset");
        Assert.True(Cos(handset, One("Panasonic DECT cordless telephone")) > Cos(handset, One("wool winter scarf")));
    }

    [Fact]
    public void Long_texts_are_cut_before_the_model_reads_them()
    {
        var text = string.Join(' ', Enumerable.Repeat("kx-tga670b/th-42pz80u", 400));
        Assert.True(LocalEmbedder.Prepare(text).Length <= LocalEmbedder.MaxChars);
        Assert.Equal(384, One(text).Length);
    }

    [Fact]
    public void Query_cache_is_bounded_and_least_recently_used_goes_first()
    {
        var cache = new QueryVectorCache(2);
        cache.Put("a", [1]); cache.Put("b", [2]);
        Assert.True(cache.TryGet("a", out _));   // a is now the most recent
        cache.Put("c", [3]);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal([1f], a);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Vector_index_returns_the_exact_nearest_products_above_the_cut_off()
    {
        string[] catalog = ["Dark blue suit jacket", "Running shoes with mesh upper", "White cotton t-shirt", "Navy wool blazer", "Garden hose 50 ft"];
        var vectors = model.Embedder.Embed(catalog, CancellationToken.None);
        var index = VectorIndex.Build(7, LocalEmbedder.ModelName, vectors.Select((v, i) => ((long)(i + 1), v)).Append((99L, new float[256])));   // another length: skipped
        Assert.Equal(5, index.Count);
        Assert.Equal(5L * 384 * 4 + 5 * 8, index.Bytes);
        var hits = index.Nearest(One("navy blazer"), 2, 0.2f);
        Assert.Equal([4L, 1L], hits.Select(h => h.Id));
        Assert.True(hits[0].Score >= hits[1].Score);
        // the brute-force answer, for every product
        var q = One("navy blazer");
        var expected = vectors.Select((v, i) => (Id: (long)(i + 1), S: Cos(q, v))).OrderByDescending(x => x.S).Select(x => x.Id).ToList();
        Assert.Equal(expected, index.Nearest(q, 10, -1).Select(h => h.Id));
        Assert.Empty(index.Nearest(One("quantum chromodynamics lecture notes"), 5, 0.6f));
    }
}
