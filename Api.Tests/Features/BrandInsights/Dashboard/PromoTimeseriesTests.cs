using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.BrandInsights.Dashboard;

public sealed class PromoTimeseriesTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/promo-timeseries";

    [Fact]
    public async Task Daily_points_count_promotions_by_type()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url)).Json();
        var points = body["points"]!.AsArray();
        Assert.Equal(31, points.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "date": "2024-12-16", "total_promos": 1, "percent_off": 0, "dollar_off": 1, "bogo": 0, "bundle": 0, "set_price": 0, "other": 0,
              "avg_discount_percent": 10, "stores_with_promos": 1 }
            """), points[0]), points[0]!.ToJsonString());
        var jan12 = points.Single(p => (string?)p!["date"] == "2025-01-12")!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "date": "2025-01-12", "total_promos": 2, "percent_off": 1, "dollar_off": 0, "bogo": 1, "bundle": 0, "set_price": 0, "other": 0,
              "avg_discount_percent": 20, "stores_with_promos": 2 }
            """), jan12), jan12.ToJsonString());
        Assert.Equal(0, (int?)points.Single(p => (string?)p!["date"] == "2024-12-30")!["total_promos"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "total_promo_days": 22, "peak_promos": 2, "peak_date": "2025-01-12", "avg_daily_promos": 0.8,
              "most_common_type": "bogo", "avg_discount_percent": 13.1 }
            """), body["summary"]), body["summary"]!.ToJsonString());
    }

    [Fact]
    public async Task Weekly_points_are_average_days()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + "?interval=week&from=2025-01-06&to=2025-01-12")).Json();
        var week = Assert.Single(body["points"]!.AsArray())!;
        // Jan 6-11: one bogo a day; Jan 12: bogo + percent_off -> 8 promotions over 7 days = 1.14 -> 1
        Assert.Equal(1, (int?)week["total_promos"]);
        Assert.Equal(1, (int?)week["bogo"]);
        Assert.Equal(0, (int?)week["percent_off"]);
        Assert.Equal(20.0, (double?)week["avg_discount_percent"]);
    }

    [Theory]
    [InlineData("week")]
    [InlineData("month")]
    public async Task Weekly_and_monthly_totals_are_the_sum_of_their_type_columns(string interval)
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_12345").GetAsync(Url + $"?interval={interval}&from=2024-10-01&to=2025-01-15")).Json();
        var points = body["points"]!.AsArray();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal((int)p!["total_promos"]!,
            new[] { "percent_off", "dollar_off", "bogo", "bundle", "set_price", "other" }.Sum(k => (int)p[k]!)));
    }

    [Fact]
    public void Apportioning_keeps_the_rounded_total()
    {
        var parts = Api.Features.BrandInsights.Dashboard.PromoTimeseries.Handler.Apportion(2, [0.5, 0.5, 0.5, 0.5, 0, 0]);
        Assert.Equal(2, parts.Sum());
        Assert.Equal([1, 1, 0, 0, 0, 0], parts);
        Assert.Equal(1, Api.Features.BrandInsights.Dashboard.PromoTimeseries.Handler.Apportion(1, [0.14, 1.0, 0, 0, 0, 0]).Sum());
    }

    [Theory]
    [InlineData("?from=2021-01-01&to=2025-01-15")]   // to given
    [InlineData("?from=2021-01-01")]                 // to implied: today, 2025-01-15, the same rule
    public async Task The_three_year_rule_holds_whether_to_is_given_or_implied(string query)
    {
        await api.MarketAsync();
        foreach (var path in new[] { Url, "/brand-insights/v1/brands/cb_12345/dashboard/store-timeseries" })
        {
            var rsp = await api.ClientFor("cb_12345").GetAsync(path + query);
            Assert.True((HttpStatusCode)422 == rsp.StatusCode, path + query + ": " + await rsp.Content.ReadAsStringAsync());
            Assert.Equal("Must be at most 3 years before to", (string?)(await rsp.Json())["details"]!["from"]);
        }
    }

    [Fact]
    public async Task Brand_without_data_gets_the_documented_empty_state()
    {
        await api.MarketAsync();
        var body = await (await api.ClientFor("cb_99999").GetAsync("/brand-insights/v1/brands/cb_99999/dashboard/promo-timeseries")).Json();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "brand_key": "cb_99999", "period": { "from": "2024-12-16", "to": "2025-01-15", "interval": "day", "points_count": 0 }, "points": [],
              "summary": { "total_promo_days": 0, "peak_promos": null, "peak_date": null, "avg_daily_promos": 0, "most_common_type": null, "avg_discount_percent": null } }
            """), body), body.ToJsonString());
    }

    [Fact]
    public async Task Unknown_interval_is_422()
    {
        var rsp = await api.ClientFor("cb_12345").GetAsync(Url + "?interval=year");
        Assert.Equal((HttpStatusCode)422, rsp.StatusCode);
        Assert.Equal("Must be one of: day, week, month", (string?)(await rsp.Json())["details"]!["interval"]);
    }
}
