using Api.Tests.Infrastructure;

namespace Api.Tests.Features.ShopperSearch.Search;

public sealed class TextSearchTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    [Fact]
    public async Task Finds_linen_shirts_under_a_price_phrase_with_distance_and_recommendation()
    {
        await api.SeedAsync();
        var (status, body) = await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/text", new { query_str = "comfortable linen shirt under $80", limit = 5 });
        Assert.Equal(200, status);
        Assert.True((bool)body["success"]!);
        var data = body["results"]!["data"]!.AsArray();
        Assert.NotEmpty(data);
        Assert.Equal("SKU-1001", (string?)data[0]!["product_id"]);
        Assert.All(data, d => Assert.True((double)d!["price_numeric"]! <= 80));
        var distances = data.Select(d => (double)d!["distance"]!).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.Equal("relaxed-linen-button-up", (string?)data[0]!["handle"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["recommendation"]));
    }

    [Fact]
    public async Task Tolerates_typos_and_uses_merchant_synonyms()
    {
        await api.SeedAsync();
        var client = api.Merchant(Shopper.Demo);
        var (_, typo) = await client.Post("/api/v0/product/search/text", new { query_str = "sneekers" });
        Assert.Contains("SKU-1009", Shopper.Ids(typo["results"]!["data"]!).Take(3));
        var (_, syn) = await client.Post("/api/v0/product/search/text", new { query_str = "trainers" });
        Assert.Contains("SKU-1009", Shopper.Ids(syn["results"]!["data"]!).Take(3));
    }

    [Fact]
    public async Task Never_returns_archived_or_other_merchants_rows()
    {
        await api.SeedAsync();
        var (_, body) = await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/text", new { query_str = "denim jacket", limit = 50 });
        var ids = Shopper.Ids(body["results"]!["data"]!);
        Assert.DoesNotContain("SKU-1030", ids);
        Assert.DoesNotContain(ids, i => i.StartsWith("OT-", StringComparison.Ordinal));
        var (_, other) = await api.Merchant(Shopper.Other).Post("/api/v0/product/search/text", new { query_str = "linen shirt" });
        Assert.All(Shopper.Ids(other["results"]!["data"]!), i => Assert.StartsWith("OT-", i));
    }

    [Fact]
    public async Task Gender_and_explicit_prices_filter_and_explicit_prices_win_over_the_phrase()
    {
        await api.SeedAsync();
        var (_, body) = await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/text",
            new { query_str = "shoes under $50", gender = new[] { "mens" }, min_price = 100, max_price = 200 });
        var data = body["results"]!["data"]!.AsArray();
        Assert.NotEmpty(data);
        Assert.All(data, d =>
        {
            Assert.Equal("mens", (string?)d!["gender"]);
            Assert.InRange((double)d["price_numeric"]!, 100, 200);
        });
    }

    [Fact]
    public async Task Missing_header_is_400_with_the_documented_detail()
    {
        var (status, body) = await api.CreateClient().Post("/api/v0/product/search/text", new { query_str = "shirt" });
        Assert.Equal(400, status);
        Assert.Equal("Missing or invalid X-Merchant-ID header", (string?)body["detail"]);
        var bad = api.CreateClient();
        bad.DefaultRequestHeaders.Add("X-Merchant-ID", "abc");
        Assert.Equal(400, (await bad.Post("/api/v0/product/search/text", new { query_str = "shirt" })).Status);
    }

    [Fact]
    public async Task Missing_query_is_a_fastapi_422()
    {
        var (status, body) = await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/text", new { limit = 5 });
        Assert.Equal(422, status);
        var item = body["detail"]!.AsArray()[0]!;
        Assert.Equal("body", (string?)item["loc"]![0]);
        Assert.Equal("query_str", (string?)item["loc"]![1]);
        Assert.Equal("field required", (string?)item["msg"]);
        Assert.Equal("value_error.missing", (string?)item["type"]);
        var (wrongType, _) = await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/text", new { query_str = "x", limit = "many" });
        Assert.Equal(422, wrongType);
    }

    [Fact]
    public async Task Second_identical_search_is_served_from_the_cache()
    {
        await api.SeedAsync();
        var client = api.Merchant(Shopper.Demo);
        var (_, first) = await client.Post("/api/v0/product/search/text", new { query_str = "Wool  Coat" });
        var (_, second) = await client.Post("/api/v0/product/search/text", new { query_str = "wool coat" });
        Assert.Equal(first["results"]!.ToJsonString(), second["results"]!.ToJsonString());
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from shopper.search_results where merchant_id = 12345 and cache_key = 'wool coat'", conn);
        Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
        // the hit was served from process memory; the cache check counts it (the stored count catches up on the next read)
        var (_, check) = await client.Post("/api/v0/product/search/text/cache-check", new { query_str = "wool coat" });
        Assert.Equal(1, (int)check["hits"]!);
    }
}
