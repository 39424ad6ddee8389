using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.BrandInsights.Dashboard;

public sealed class StoreChangesTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/store-changes";

    [Fact]
    public async Task Added_removed_and_reappeared_stores_of_the_last_30_days()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url)).Json();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_12345", "period": { "days": 30, "from": "2024-12-16", "to": "2025-01-15" },
              "stores_added": { "count": 1, "list": [
                { "store_id": 3, "store_name": "Green Thumb Denver", "store_slug": "green-thumb-denver", "dispensary_name": "Green Thumb Dispensary",
                  "city": "Denver", "state": "CO", "date_added": "2025-01-03", "days_ago": 12, "initial_sku_count": 1 } ] },
              "stores_removed": { "count": 1, "list": [
                { "store_id": 4, "store_name": "Harvest House SF", "store_slug": "harvest-house-sf", "dispensary_name": "Harvest House",
                  "city": "San Francisco", "state": "CA", "date_removed": "2025-01-11", "days_ago": 4, "tenure_days": 36, "last_sku_count": 1 } ] },
              "stores_reappeared": { "count": 1, "list": [
                { "store_id": 2, "store_name": "MedMen Venice", "store_slug": "medmen-venice", "dispensary_name": "MedMen",
                  "city": "Venice", "state": "CA", "date_reappeared": "2025-01-13", "days_ago": 2, "days_absent": 24, "sku_count": 1 } ] } }
            """), body), body.ToJsonString());
    }

    [Fact]
    public async Task A_short_lookback_sees_less()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + "?days=3")).Json();
        Assert.Equal(0, (int?)body["stores_added"]!["count"]);
        Assert.Equal(0, (int?)body["stores_removed"]!["count"]);
        Assert.Equal(1, (int?)body["stores_reappeared"]!["count"]);
        Assert.Equal("2025-01-12", (string?)body["period"]!["from"]);
    }

    [Fact]
    public async Task Limit_cuts_the_lists_not_the_counts()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + "?days=90&limit=1")).Json();
        Assert.Single(body["stores_added"]!["list"]!.AsArray());
        Assert.Equal(4, (int?)body["stores_added"]!["count"]);   // first runs of stores 1 (Dec 1), 4 (Dec 5), 2 (Dec 10) and 3 (Jan 3)
    }

    [Fact]
    public async Task Brand_without_data_gets_the_documented_empty_state()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_99999").GetAsync("/brand-insights/v1/brands/cb_99999/dashboard/store-changes")).Json();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_99999", "period": { "days": 30, "from": "2024-12-16", "to": "2025-01-15" },
              "stores_added": { "count": 0, "list": [] }, "stores_removed": { "count": 0, "list": [] }, "stores_reappeared": { "count": 0, "list": [] } }
            """), body), body.ToJsonString());
    }

    [Fact]
    public async Task Days_over_90_and_a_zero_limit_are_422_with_both_details()
    {
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + "?days=91&limit=0");
        Assert.Equal((HttpStatusCode)422, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("Must be between 1 and 90", (string?)body["details"]!["days"]);
        Assert.Equal("Must be between 1 and 200", (string?)body["details"]!["limit"]);
    }

    [Fact]
    public async Task Non_numeric_limit_is_422_not_500()
    {
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + "?limit=ten");
        Assert.Equal((HttpStatusCode)422, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["limit"]);
    }
}
