using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.BrandInsights.Dashboard;

public sealed class ProductsTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/products";

    async Task<JsonNode> Get(string query = "")
    {
        await api.MarketAsync();
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + query);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        return await rsp.Json();
    }

    static IEnumerable<string> Fingerprints(JsonNode body) => body["products"]!.AsArray().Select(p => (string)p!["fingerprint"]!);

    [Fact]
    public async Task Active_products_with_every_documented_field()
    {
        var body = await Get();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "store_slug": null, "status": "active", "in_stock": null, "on_promo": null, "search": null }"""), body["filters"]));
        var product = Assert.Single(body["products"]!.AsArray())!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "product_id": 1, "fingerprint": "fp-slurm-og-1g", "name": "Live Resin - Slurm OG", "full_name": "Raw Garden Live Resin - Slurm OG",
              "variant": "1g", "weight": "1g",
              "distribution": { "store_count_current": 2, "store_count_previous_30d": 2, "store_count_delta": 0, "store_count_direction": "stable", "states": ["CA"] },
              "pricing": { "avg_price_cents": 4750, "min_price_cents": 4500, "max_price_cents": 5000, "price_spread_percent": 11.1,
                           "avg_formatted": "$47.50", "min_formatted": "$45.00", "max_formatted": "$50.00" },
              "stock": { "in_stock_count": 2, "out_of_stock_count": 0, "in_stock_percent": 100 },
              "promos": { "stores_on_promo": 1, "percent_on_promo": 50, "percent_time_on_special_30d": 11.1, "common_promo_type": "percent_off" },
              "lifecycle": { "first_seen": "2024-12-01", "days_tracked": 45, "status": "active" } }
            """), product), product.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "total_products": 1, "total_in_stock": 1, "total_on_promo": 1, "avg_stores_per_product": 2, "categories": [ { "name": "Concentrates", "count": 1 } ] }
            """), body["aggregates"]), body["aggregates"]!.ToJsonString());
    }

    [Fact]
    public async Task Removed_and_stale_products()
    {
        var removed = Assert.Single((await Get("?status=removed"))["products"]!.AsArray())!;
        Assert.Equal("fp-og-kush-35", (string?)removed["fingerprint"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "store_count_current": 0, "store_count_previous_30d": 2, "store_count_delta": -2, "store_count_direction": "down", "states": [] }
            """), removed["distribution"]), removed["distribution"]!.ToJsonString());
        Assert.Equal(0.0, (double?)removed["pricing"]!["price_spread_percent"]);
        Assert.Equal("$25.00", (string?)removed["pricing"]!["avg_formatted"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "stores_on_promo": 0, "percent_on_promo": 0, "percent_time_on_special_30d": 24.2, "common_promo_type": "dollar_off" }"""),
            removed["promos"]), removed["promos"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "first_seen": "2024-12-05", "days_tracked": 36, "status": "removed" }"""), removed["lifecycle"]));

        var stale = Assert.Single((await Get("?status=stale"))["products"]!.AsArray())!;
        Assert.Equal("fp-blue-dream-05", (string?)stale["fingerprint"]);   // only at Denver, last crawled 14 days ago
        Assert.Equal(100.0, (double?)stale["promos"]!["percent_time_on_special_30d"]);
        Assert.Equal("bogo", (string?)stale["promos"]!["common_promo_type"]);
    }

    [Fact]
    public async Task Filters_sorts_and_pages()
    {
        Assert.Equal(["fp-og-kush-35", "fp-slurm-og-1g", "fp-blue-dream-05"], Fingerprints(await Get("?status=all&sort=name&order=asc")));
        Assert.Equal(["fp-slurm-og-1g", "fp-blue-dream-05", "fp-og-kush-35"], Fingerprints(await Get("?status=all&sort=price")));
        Assert.Equal(["fp-blue-dream-05", "fp-og-kush-35", "fp-slurm-og-1g"], Fingerprints(await Get("?status=all&sort=date_added")));
        Assert.Equal(["fp-og-kush-35"], Fingerprints(await Get("?status=all&in_stock=false")));
        Assert.Equal(["fp-slurm-og-1g", "fp-blue-dream-05"], Fingerprints(await Get("?status=all&on_promo=true")));
        Assert.Equal(["fp-slurm-og-1g"], Fingerprints(await Get("?status=all&store_slug=medmen-venice")));
        Assert.Empty(Fingerprints(await Get("?status=all&store_slug=no-such-store")));
        Assert.Equal(["fp-blue-dream-05"], Fingerprints(await Get("?status=all&search=blue")));
        var page = await Get("?status=all&sort=name&order=asc&limit=1&offset=1");
        Assert.Equal(["fp-slurm-og-1g"], Fingerprints(page));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "total": 3, "limit": 1, "offset": 1, "has_more": true }"""), page["pagination"]));
        var all = await Get("?status=all");
        Assert.Equal(["Concentrates", "Flower", "Vapes"], all["aggregates"]!["categories"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal("true", (string?)(await Get("?on_promo=true"))["filters"]!["on_promo"]);
    }

    [Fact]
    public async Task Other_brands_products_never_show()
    {
        var all = await Get("?status=all&limit=200");
        Assert.DoesNotContain("fp-other-1", Fingerprints(all));
    }

    [Fact]
    public async Task Brand_without_data_gets_the_documented_empty_state()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_99999").GetAsync("/brand-insights/v1/brands/cb_99999/dashboard/products")).Json();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_99999", "filters": { "store_slug": null, "status": "active", "in_stock": null, "on_promo": null, "search": null },
              "pagination": { "total": 0, "limit": 50, "offset": 0, "has_more": false }, "products": [],
              "aggregates": { "total_products": 0, "total_in_stock": 0, "total_on_promo": 0, "avg_stores_per_product": 0, "categories": [] } }
            """), body), body.ToJsonString());
    }

    [Theory]
    [InlineData("?status=gone", "status")]
    [InlineData("?in_stock=yes", "in_stock")]
    [InlineData("?on_promo=1", "on_promo")]
    [InlineData("?sort=stores", "sort")]
    [InlineData("?limit=0", "limit")]
    public async Task Bad_parameters_are_422_naming_the_field(string query, string field)
    {
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + query);
        Assert.Equal((HttpStatusCode)422, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("INVALID_PARAMS", (string?)body["code"]);
        Assert.NotNull(body["details"]![field]);
    }
}
