using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Features.BrandInsights.Ingest.CreateIngestKey;
using Api.Infrastructure.Database;
using Api.Tests.Features.BrandInsights;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform.Sandbox;

/// <summary>BrandInsights' journey (docs/sandbox.md): a crawler key, an NDJSON ingest, the roll-up, the dashboard showing what was ingested. No outside service is involved.</summary>
public sealed class BrandInsightsJourneyTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    static string Line(string day, string store, string fingerprint, int price, string? promo = null) => new JsonObject
    {
        ["crawl_id"] = "journey-" + day, ["observed_on"] = day, ["store_slug"] = store, ["store_name"] = "Store " + store, ["dispensary"] = "Disp " + store,
        ["city"] = "Oakland", ["state"] = "CA", ["menu_url"] = $"https://dutchie.com/dispensary/{store}", ["brand_id"] = "cb_journey", ["brand_name"] = "Journey Brand",
        ["fingerprint"] = fingerprint, ["product_name"] = "Live Resin - " + fingerprint, ["variant"] = "1g", ["weight"] = "1g", ["category"] = "Concentrates",
        ["price_cents"] = price, ["in_stock"] = true, ["promo_type"] = promo, ["discount_percent"] = null,
    }.ToJsonString();

    [Fact]
    public async Task Ingest_then_roll_up_then_the_dashboard_shows_the_brand()
    {
        var (key, _) = await CliCommand.CreateAsync(api.Services.GetRequiredService<Db>(), "journey-crawler", CancellationToken.None);
        var crawler = api.CreateClient();
        crawler.DefaultRequestHeaders.Add("X-API-Key", key);
        var today = BrandInsightsApi.Today;
        var lines = new[] { today.AddDays(-1), today }.SelectMany(d => new[]
        {
            Line(d.ToString("yyyy-MM-dd"), "journey-1", "jfp-a", 4000), Line(d.ToString("yyyy-MM-dd"), "journey-2", "jfp-a", 4200),
            Line(d.ToString("yyyy-MM-dd"), "journey-1", "jfp-b", 3800, "sale"), Line(d.ToString("yyyy-MM-dd"), "journey-2", "jfp-b", 2500),
        }).ToArray();
        var ingest = await crawler.PostAsync("/brand-insights/v1/ingest/menu-snapshots",
            new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson"));
        Assert.True(ingest.IsSuccessStatusCode, await ingest.Content.ReadAsStringAsync());

        await api.RollUpAsync();
        var summary = await api.ClientFor("cb_journey").GetAsync("/brand-insights/v1/brands/cb_journey/dashboard/summary");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var body = await summary.Json();
        Assert.Equal("Journey Brand", (string?)body["brand_name"]);
        Assert.Equal(2, (int)body["store_footprint"]!["current"]!);
        Assert.Equal(2, (int)body["active_skus"]!["current"]!);
        var stores = await api.ClientFor("cb_journey").GetAsync("/brand-insights/v1/brands/cb_journey/dashboard/stores");
        Assert.Equal(HttpStatusCode.OK, stores.StatusCode);
    }
}
