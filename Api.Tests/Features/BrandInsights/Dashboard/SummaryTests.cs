using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.BrandInsights.Dashboard;

public sealed class SummaryTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/summary";

    [Fact]
    public async Task Thirty_day_summary_matches_the_hand_made_history()
    {
        await api.MarketAsync();
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("cb_12345", (string?)body["brand_key"]);
        Assert.Equal("Raw Garden", (string?)body["brand_name"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", (string?)body["as_of"]);
        body.AsObject().Remove("as_of");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_12345", "brand_name": "Raw Garden", "window": "30d",
              "store_footprint": { "current": 3, "previous": 3, "delta": 0, "delta_percent": 0, "direction": "stable" },
              "active_skus": { "current": 2, "previous": 2, "delta": 0, "delta_percent": 0, "direction": "stable" },
              "in_stock_rate": { "current": 100, "previous": 100, "delta": 0, "direction": "stable" },
              "promo_exposure": { "skus_on_promo": 2, "stores_running_promos": 2, "percent_of_skus": 100, "direction": "up" },
              "price_summary": { "avg_cents": 4167, "min_cents": 3000, "max_cents": 5000,
                                 "avg_formatted": "$41.67", "min_formatted": "$30.00", "max_formatted": "$50.00" },
              "activity_last_7d": { "stores_added": 1, "stores_removed": 1, "new_skus": 0, "removed_skus": 1, "price_changes": 1 } }
            """), body), body.ToJsonString());
    }

    [Fact]
    public async Task Seven_day_window_compares_with_the_eighth_of_january()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + "?window=7d")).Json();
        Assert.Equal("7d", (string?)body["window"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "current": 2, "previous": 3, "delta": -1, "delta_percent": -33.33, "direction": "down" }"""),
            body["active_skus"]), body["active_skus"]!.ToJsonString());
        Assert.Equal(3, (int?)body["store_footprint"]!["previous"]);
    }

    [Fact]
    public async Task Resolves_the_slug_too()
    {
        await api.MarketAsync();
        var rsp = await api.ClientFor("raw-garden").GetAsync("/brand-insights/v1/brands/raw-garden/dashboard/summary");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("raw-garden", (string?)body["brand_key"]);
        Assert.Equal(3, (int?)body["store_footprint"]!["current"]);
    }

    [Fact]
    public async Task Brand_without_data_gets_the_documented_empty_state()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_99999").GetAsync("/brand-insights/v1/brands/cb_99999/dashboard/summary")).Json();
        body.AsObject().Remove("as_of");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_99999", "brand_name": "New Brand", "window": "30d",
              "store_footprint": { "current": 0, "previous": 0, "delta": 0, "delta_percent": 0, "direction": "stable" },
              "active_skus": { "current": 0, "previous": 0, "delta": 0, "delta_percent": 0, "direction": "stable" },
              "in_stock_rate": { "current": null, "previous": null, "delta": null, "direction": "stable" },
              "promo_exposure": { "skus_on_promo": 0, "stores_running_promos": 0, "percent_of_skus": 0, "direction": "stable" },
              "price_summary": { "avg_cents": null, "min_cents": null, "max_cents": null, "avg_formatted": null, "min_formatted": null, "max_formatted": null },
              "activity_last_7d": { "stores_added": 0, "stores_removed": 0, "new_skus": 0, "removed_skus": 0, "price_changes": 0 } }
            """), body), body.ToJsonString());
    }

    [Fact]
    public async Task Unknown_window_is_422_with_details()
    {
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + "?window=14d");
        Assert.Equal((HttpStatusCode)422, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("INVALID_PARAMS", (string?)body["code"]);
        Assert.Equal("Must be one of: 7d, 30d, 90d", (string?)body["details"]!["window"]);
    }
}
