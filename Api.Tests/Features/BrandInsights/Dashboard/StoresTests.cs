using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.BrandInsights.Dashboard;

public sealed class StoresTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/stores";

    async Task<JsonNode> Get(string query = "")
    {
        await api.MarketAsync();
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + query);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        return await rsp.Json();
    }

    [Fact]
    public async Task Active_stores_by_sku_count_with_every_documented_field()
    {
        var body = await Get();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "status": "active", "state": null, "search": null }"""), body["filters"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "total": 3, "limit": 50, "offset": 0, "has_more": false }"""), body["pagination"]));
        var stores = body["stores"]!.AsArray();
        Assert.Equal([1L, 2L, 3L], stores.Select(s => (long)s!["store_id"]!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "store_id": 1, "store_name": "Green Thumb LA", "store_slug": "green-thumb-la", "dispensary_name": "Green Thumb Dispensary",
              "city": "Los Angeles", "state": "CA", "dutchie_url": "https://dutchie.com/dispensary/green-thumb-la",
              "presence": { "status": "active", "first_seen": "2024-12-01", "last_seen": "2025-01-15", "tenure_days": 45 },
              "sku_counts": { "active": 1, "in_stock": 1, "on_promo": 1, "total_ever": 2 },
              "price_stats": { "avg_cents": 4500, "min_cents": 4500, "max_cents": 4500 },
              "activity_7d": { "new_skus": 0, "removed_skus": 0, "price_changes": 1 } }
            """), stores[0]), stores[0]!.ToJsonString());
        Assert.Equal(1, (int?)stores[1]!["activity_7d"]!["new_skus"]);   // MedMen listed Slurm OG again on Jan 13
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "total_stores": 3, "states_count": 2, "avg_skus_per_store": 1, "top_states": [ { "state": "CA", "count": 2 }, { "state": "CO", "count": 1 } ] }
            """), body["aggregates"]), body["aggregates"]!.ToJsonString());
    }

    [Fact]
    public async Task Removed_stores_keep_their_last_day()
    {
        var body = await Get("?status=removed");
        var store = Assert.Single(body["stores"]!.AsArray())!;
        Assert.Equal("harvest-house-sf", (string?)store["store_slug"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "status": "removed", "first_seen": "2024-12-05", "last_seen": "2025-01-10", "tenure_days": 36 }"""), store["presence"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "active": 0, "in_stock": 0, "on_promo": 0, "total_ever": 1 }"""), store["sku_counts"]));
        Assert.Equal(2500, (int?)store["price_stats"]!["avg_cents"]);
        Assert.Equal(1, (int?)store["activity_7d"]!["removed_skus"]);
    }

    [Fact]
    public async Task Filters_sorts_and_pages()
    {
        Assert.Equal(["medmen-venice"], (await Get("?search=medMEN"))["stores"]!.AsArray().Select(s => (string)s!["store_slug"]!));
        Assert.Equal(["green-thumb-denver"], (await Get("?state=co"))["stores"]!.AsArray().Select(s => (string)s!["store_slug"]!));
        Assert.Equal("CO", (string?)(await Get("?state=co"))["filters"]!["state"]);
        Assert.Equal(["green-thumb-denver", "green-thumb-la", "harvest-house-sf", "medmen-venice"],
            (await Get("?status=all&sort=name&order=asc"))["stores"]!.AsArray().Select(s => (string)s!["store_slug"]!));
        Assert.Equal(["green-thumb-denver", "medmen-venice", "green-thumb-la"],
            (await Get("?sort=date_added"))["stores"]!.AsArray().Select(s => (string)s!["store_slug"]!));
        Assert.Equal(["green-thumb-la", "medmen-venice", "green-thumb-denver"],
            (await Get("?sort=tenure"))["stores"]!.AsArray().Select(s => (string)s!["store_slug"]!));
        var page = await Get("?status=all&sort=name&order=asc&limit=2&offset=2");
        Assert.Equal(["harvest-house-sf", "medmen-venice"], page["stores"]!.AsArray().Select(s => (string)s!["store_slug"]!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "total": 4, "limit": 2, "offset": 2, "has_more": false }"""), page["pagination"]));
        Assert.True((bool)(await Get("?status=all&limit=3"))["pagination"]!["has_more"]!);
        Assert.Empty((await Get("?search=100%25_"))["stores"]!.AsArray());
    }

    [Fact]
    public async Task Brand_without_data_gets_the_documented_empty_state()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_99999").GetAsync("/brand-insights/v1/brands/cb_99999/dashboard/stores")).Json();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_99999", "filters": { "status": "active", "state": null, "search": null },
              "pagination": { "total": 0, "limit": 50, "offset": 0, "has_more": false }, "stores": [],
              "aggregates": { "total_stores": 0, "states_count": 0, "avg_skus_per_store": 0, "top_states": [] } }
            """), body), body.ToJsonString());
    }

    [Theory]
    [InlineData("?status=open", "status")]
    [InlineData("?sort=price", "sort")]
    [InlineData("?order=up", "order")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?state=California", "state")]
    public async Task Bad_parameters_are_422_naming_the_field(string query, string field)
    {
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + query);
        Assert.Equal((HttpStatusCode)422, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("INVALID_PARAMS", (string?)body["code"]);
        Assert.NotNull(body["details"]![field]);
    }
}
