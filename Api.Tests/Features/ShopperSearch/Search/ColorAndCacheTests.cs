namespace Api.Tests.Features.ShopperSearch.Search;

public sealed class ColorAndCacheTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    [Fact]
    public async Task Text_and_color_ranks_navy_first_and_reports_the_operation()
    {
        await api.SeedAsync();
        var c = api.Merchant(Shopper.Demo);
        var (status, body) = await c.Post("/api/v0/product/search/textandcolor", new { query_str = "blazer for a wedding", color = "navy", limit = 8 });
        Assert.Equal(200, status);
        var first = body["results"]!["data"]![0]!;
        Assert.Equal("SKU-1004", (string?)first["product_id"]);
        Assert.Equal("navy blue", (string?)first["color"]);
        Assert.NotNull(first["distance"]);

        var (_, check) = await c.Post("/api/v0/product/search/textandcolor/cache-check", new { query_str = "blazer for a wedding", color = "navy", limit = 8 });
        Assert.True((bool)check["cached"]!);
        Assert.Equal("textandcolor", (string?)check["operation_type"]);
        Assert.Equal("blazer for a wedding|[0,0,128]|limit=8", (string?)check["cache_key"]);
        Assert.Equal(0, (int)check["hits"]!);
    }

    [Fact]
    public async Task Color_only_accepts_hex_and_rgb_objects()
    {
        await api.SeedAsync();
        var c = api.Merchant(Shopper.Demo);
        var (_, hex) = await c.Post("/api/v0/product/search/textandcolor", new { color = "#ff7f50" });
        Assert.Equal("SKU-1003", (string?)hex["results"]!["data"]![0]!["product_id"]);   // coral wrap dress
        var (_, rgb) = await c.Post("/api/v0/product/search/textandcolor", new { color = new { rgb = new[] { 128, 0, 32 } } });
        Assert.Equal("SKU-1011", (string?)rgb["results"]!["data"]![0]!["product_id"]);   // burgundy slip dress
        var (_, check) = await c.Post("/api/v0/product/search/textandcolor/cache-check", new { color = "#ff7f50" });
        Assert.Equal("color", (string?)check["operation_type"]);
    }

    [Fact]
    public async Task Empty_body_and_bad_colour_are_400s()
    {
        var c = api.Merchant(Shopper.Demo);
        var (s1, b1) = await c.Post("/api/v0/product/search/textandcolor", new { query_str = "  " });
        Assert.Equal(400, s1);
        Assert.Equal("At least one of 'text' or 'color' must be provided.", (string?)b1["detail"]);
        var (s2, _) = await c.Post("/api/v0/product/search/textandcolor/cache-check", new { });
        Assert.Equal(400, s2);
        var (s3, _) = await c.Post("/api/v0/product/search/textandcolor", new { color = "not-a-colour-xyz" });
        Assert.Equal(400, s3);
        var (s4, _) = await c.Post("/api/v0/product/search/textandcolor", new { color = new { rgb = new[] { 300, 0 } } });
        Assert.Equal(400, s4);
    }

    [Fact]
    public async Task Text_cache_check_misses_then_hits_with_the_same_key()
    {
        await api.SeedAsync();
        var c = api.Merchant(Shopper.Demo);
        var (_, miss) = await c.Post("/api/v0/product/search/text/cache-check", new { query_str = "Comfortable linen shirt" });
        Assert.False((bool)miss["cached"]!);
        Assert.Equal("comfortable linen shirt", (string?)miss["cache_key"]);
        Assert.Null(miss["hits"]);
        Assert.Equal(0, (int)miss["result_count"]!);
        await c.Post("/api/v0/product/search/text", new { query_str = "comfortable linen shirt" });
        await c.Post("/api/v0/product/search/text", new { query_str = "comfortable linen shirt" });
        var (_, hit) = await c.Post("/api/v0/product/search/text/cache-check", new { query_str = "comfortable linen shirt" });
        Assert.True((bool)hit["cached"]!);
        Assert.Equal(1, (int)hit["hits"]!);
        Assert.True((int)hit["result_count"]! > 0);
        // another merchant never sees this merchant's cache entry
        var (_, other) = await api.Merchant(Shopper.Other).Post("/api/v0/product/search/text/cache-check", new { query_str = "comfortable linen shirt" });
        Assert.False((bool)other["cached"]!);
    }

    [Fact]
    public async Task Max_price_counts_only_active_rows_per_merchant()
    {
        await api.SeedAsync();
        var (status, body) = await api.Merchant(Shopper.Demo).Send(HttpMethod.Get, "/api/v0/product/max-price");
        Assert.Equal(200, status);
        Assert.Equal(320.0, (double)body["max_price"]!);
        Assert.Equal(29, (int)body["product_count"]!);
        var (_, empty) = await api.Merchant(999_999).Send(HttpMethod.Get, "/api/v0/product/max-price");
        Assert.Equal(0.0, (double)empty["max_price"]!);
        Assert.Equal(0, (int)empty["product_count"]!);
        Assert.Equal(400, (await api.CreateClient().Send(HttpMethod.Get, "/api/v0/product/max-price")).Status);
    }

    [Fact]
    public async Task Query_response_is_grounded_in_results_and_personal()
    {
        await api.SeedAsync();
        var (status, body) = await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/queryresponse",
            new { query_str = "comfortable linen shirt under $80", user_name = "Alex", current_hour = 14 });
        Assert.Equal(200, status);
        var text = (string)body["results"]!["recommendation"]!;
        Assert.StartsWith("Good afternoon, Alex", text);
        Assert.Contains("Relaxed Linen Button-Up", text);
        Assert.Equal(422, (await api.Merchant(Shopper.Demo).Post("/api/v0/product/search/queryresponse", new { user_name = "Alex" })).Status);
    }
}
