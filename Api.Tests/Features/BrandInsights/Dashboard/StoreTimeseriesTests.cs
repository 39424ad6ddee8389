using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.BrandInsights.Dashboard;

public sealed class StoreTimeseriesTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/store-timeseries";

    static JsonNode Point(JsonNode body, string date) => body["points"]!.AsArray().Single(p => (string?)p!["date"] == date)!;

    [Fact]
    public async Task Default_range_is_the_31_days_ending_today()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url)).Json();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "from": "2024-12-16", "to": "2025-01-15", "interval": "day", "points_count": 31 }"""), body["period"]));
        Assert.Equal(31, body["points"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "date": "2025-01-11", "stores": 2, "stores_added": 0, "stores_removed": 1, "stores_net": -1,
              "skus": 2, "skus_in_stock": 2, "skus_new": 0, "skus_removed": 1, "skus_net": -1 }
            """), Point(body, "2025-01-11")), Point(body, "2025-01-11").ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "date": "2025-01-03", "stores": 3, "stores_added": 1, "stores_removed": 0, "stores_net": 1,
              "skus": 3, "skus_in_stock": 3, "skus_new": 1, "skus_removed": 0, "skus_net": 1 }
            """), Point(body, "2025-01-03")));
        Assert.Equal(1, (int?)Point(body, "2024-12-20")["stores_removed"]);
        Assert.Equal(1, (int?)Point(body, "2025-01-13")["stores_added"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "stores_start": 3, "stores_end": 3, "stores_peak": 3, "stores_low": 2, "skus_start": 2, "skus_end": 2, "skus_peak": 3, "skus_low": 2 }
            """), body["summary"]), body["summary"]!.ToJsonString());
    }

    [Fact]
    public async Task Weeks_start_on_monday_with_end_of_week_levels_and_summed_changes()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + "?interval=week")).Json();
        var points = body["points"]!.AsArray();
        Assert.Equal(["2024-12-16", "2024-12-23", "2024-12-30", "2025-01-06", "2025-01-13"], points.Select(p => (string)p!["date"]!));
        Assert.Equal([2, 2, 3, 2, 3], points.Select(p => (int)p!["stores"]!));
        Assert.Equal([0, 0, 1, 0, 1], points.Select(p => (int)p!["stores_added"]!));
        Assert.Equal([1, 0, 0, 1, 0], points.Select(p => (int)p!["stores_removed"]!));
        Assert.Equal(5, (int?)body["period"]!["points_count"]);
    }

    [Fact]
    public async Task Months_are_clamped_to_the_range()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + "?interval=month")).Json();
        var points = body["points"]!.AsArray();
        Assert.Equal(["2024-12-16", "2025-01-01"], points.Select(p => (string)p!["date"]!));
        Assert.Equal([2, 3], points.Select(p => (int)p!["stores"]!));
        Assert.Equal([0, 2], points.Select(p => (int)p!["stores_added"]!));
    }

    [Fact]
    public async Task Explicit_range_before_any_data_has_no_points()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + "?from=2024-01-01&to=2024-11-30")).Json();
        Assert.Empty(body["points"]!.AsArray());
        Assert.Null(body["summary"]!["stores_start"]);
    }

    [Fact]
    public async Task Brand_without_data_gets_the_documented_empty_state()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_99999").GetAsync("/brand-insights/v1/brands/cb_99999/dashboard/store-timeseries")).Json();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_99999", "period": { "from": "2024-12-16", "to": "2025-01-15", "interval": "day", "points_count": 0 }, "points": [],
              "summary": { "stores_start": null, "stores_end": null, "stores_peak": null, "stores_low": null,
                           "skus_start": null, "skus_end": null, "skus_peak": null, "skus_low": null } }
            """), body), body.ToJsonString());
    }

    [Theory]
    [InlineData("?interval=hour", "interval")]
    [InlineData("?from=2025-01-10&to=2025-01-01", "from")]
    [InlineData("?from=2025-13-01", "from")]
    [InlineData("?from=2025-02-01", "from")]
    public async Task Bad_parameters_are_422_naming_the_field(string query, string field)
    {
        await api.MarketAsync();
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + query);
        Assert.Equal((HttpStatusCode)422, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("INVALID_PARAMS", (string?)body["code"]);
        Assert.NotNull(body["details"]![field]);
    }
}
