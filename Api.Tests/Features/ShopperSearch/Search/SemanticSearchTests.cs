using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Integrations.Embeddings;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>Vector candidates (all-MiniLM-L6-v2, exact index) in text search over the demo catalog.</summary>
public sealed class SemanticSearchTests(ShopperApi api, ITestOutputHelper output) : IClassFixture<ShopperApi>
{
    async Task<List<(string Id, string Name, double Distance)>> Search(string query, int limit = 5)
    {
        await api.SeedAsync();
        var (status, body) = await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/text", new { query_str = query, limit });
        Assert.Equal(200, status);
        var hits = body["results"]!["data"]!.AsArray().Select(d => ((string)d!["product_id"]!, (string)d["product_name"]!, (double)d["distance"]!)).ToList();
        output.WriteLine($"{query}: " + string.Join(" | ", hits.Select(h => $"{h.Item2} {h.Item3:0.000}")));
        return hits;
    }

    [Fact]
    public async Task A_query_with_no_lexical_match_returns_the_nearest_products_and_nonsense_stays_empty()
    {
        var interview = await Search("something to wear to a job interview");   // no product holds these words
        Assert.NotEmpty(interview);
        Assert.Contains("SKU-1004", interview.Select(h => h.Id));              // the navy linen blazer
        Assert.Empty(await Search("zxqv blorft"));
        Assert.Empty(await Search("quantum physics textbook"));
        Assert.Equal("SKU-1010", (await Search("jogging")).First().Id);         // trail running shoes
    }

    [Fact]
    public async Task Lexical_matches_stay_first_and_vector_candidates_follow()
    {
        var jeans = await Search("jeans", 10);
        Assert.Equal(["SKU-1015", "SKU-1016"], jeans.Take(2).Select(h => h.Id));
        Assert.Equal(jeans.Select(h => h.Distance).Order(), jeans.Select(h => h.Distance));
        Assert.Equal("SKU-1004", (await Search("navy blazer")).First().Id);
    }

    [Fact]
    public async Task Vector_index_holds_the_searchable_demo_products_with_their_model()
    {
        await api.SeedAsync();
        var index = await api.Services.GetRequiredService<VectorIndexes>().BuildNowAsync(Shopper.Demo, -1, LocalEmbedder.ModelName);
        Assert.Equal(29, index!.Count);   // 30 products, one archived
        Assert.Equal(384, index.Dimensions);
        var emb = api.Services.GetRequiredService<TextEmbeddings>();
        foreach (var q in new[] { "jeans", "linen shirt", "something to wear to a job interview", "zxqv blorft", "navy" })
            output.WriteLine($"vector {q}: " + string.Join(" ", index.Nearest(await emb.EmbedQueryAsync(q, default), 8, -1).Select(h => $"{h.Id}:{h.Score:0.00}")));
        Assert.Empty(index.Nearest(await emb.EmbedQueryAsync("zxqv blorft", default), 5, SearchEngine.MinVectorCosine));
    }
}
