using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Features.BrandInsights.Ingest.CreateIngestKey;
using Api.Infrastructure.Database;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Features.BrandInsights.Ingest;

public sealed class IngestMenuSnapshotsTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/ingest/menu-snapshots";

    static string Line(string crawl, string day, string store, string fingerprint, int price, bool inStock = true, string? promo = null, decimal? discount = null,
        string brand = "cb_555", string productName = "Live Resin - Gelato") =>
        new JsonObject
        {
            ["crawl_id"] = crawl, ["observed_on"] = day, ["store_slug"] = store, ["store_name"] = "Store " + store, ["dispensary"] = "Disp " + store,
            ["city"] = "Oakland", ["state"] = "CA", ["menu_url"] = $"https://dutchie.com/dispensary/{store}", ["brand_id"] = brand, ["brand_name"] = "Crawled Brand",
            ["fingerprint"] = fingerprint, ["product_name"] = productName, ["variant"] = "1g", ["weight"] = "1g", ["category"] = "Concentrates",
            ["price_cents"] = price, ["in_stock"] = inStock, ["promo_type"] = promo, ["discount_percent"] = discount,
        }.ToJsonString();

    async Task<HttpClient> Crawler()
    {
        var (key, _) = await CliCommand.CreateAsync(api.Services.GetRequiredService<Db>(), "test-crawler", CancellationToken.None);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    static Task<HttpResponseMessage> Post(HttpClient client, params string[] lines) =>
        client.PostAsync(Url, new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson"));

    async Task<List<string>> Listings(string fingerprint)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select s.slug || ' ' || l.valid_from || '..' || coalesce(l.valid_to::text, 'open') || ' ' || l.price_cents || ' ' || l.in_stock || ' ' || coalesce(l.promo_type, '-')
            from brandinsights.listings l join brandinsights.stores s on s.id = l.store_id join brandinsights.products p on p.id = l.product_id
            where p.fingerprint = $1 order by s.slug, l.valid_from
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = fingerprint });
        var rows = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }

    [Fact]
    public async Task Crawls_become_listing_intervals_and_a_repeated_crawl_changes_nothing()
    {
        var client = await Crawler();
        var first = await Post(client,
            Line("c1", "2025-01-10", "oak-1", "fp-a", 4000),
            Line("c1", "2025-01-10", "oak-1", "fp-b", 2000, promo: "bogo"),
            Line("c1", "2025-01-10", "oak-2", "fp-a", 4200));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Json();
        Assert.Equal("loaded", (string?)body["status"]);
        Assert.Equal(3, (int?)body["accepted"]);
        Assert.Equal(2, (int?)body["stores"]);
        Assert.Equal(3, (int?)body["listings_opened"]);

        var again = await (await Post(client, Line("c1", "2025-01-10", "oak-1", "fp-a", 9999))).Json();
        Assert.Equal("duplicate", (string?)again["status"]);
        Assert.Equal(3, (int?)again["listings_opened"]);

        // next day: a price change at oak-1, fp-b gone from oak-1, oak-2 unchanged, fp-c new
        var second = await (await Post(client,
            Line("c2", "2025-01-11", "oak-1", "fp-a", 4500),
            Line("c2", "2025-01-11", "oak-1", "fp-c", 1500, promo: "percent_off", discount: 15),
            Line("c2", "2025-01-11", "oak-2", "fp-a", 4200))).Json();
        Assert.Equal(2, (int?)second["listings_opened"]);
        Assert.Equal(2, (int?)second["listings_closed"]);
        Assert.Equal(["oak-1 2025-01-10..2025-01-11 4000 true -", "oak-1 2025-01-11..open 4500 true -", "oak-2 2025-01-10..open 4200 true -"], await Listings("fp-a"));
        Assert.Equal(["oak-1 2025-01-10..2025-01-11 2000 true bogo"], await Listings("fp-b"));
        Assert.Equal(["oak-1 2025-01-11..open 1500 true percent_off"], await Listings("fp-c"));

        // an older crawl of a store already crawled later is skipped
        var late = await (await Post(client, Line("c0", "2025-01-09", "oak-1", "fp-a", 1))).Json();
        Assert.Equal(1, (int?)late["stores_skipped"]);
        Assert.Equal(3, (await Listings("fp-a")).Count);

        // roll-up then the dashboard sees the new brand
        await api.RollUpAsync();
        var summary = await (await api.ClientFor("cb_555").GetAsync("/brand-insights/v1/brands/cb_555/dashboard/summary")).Json();
        Assert.Equal(2, (int?)summary["store_footprint"]!["current"]);
        Assert.Equal(2, (int?)summary["active_skus"]!["current"]);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_their_numbers_and_good_lines_still_load()
    {
        var client = await Crawler();
        var rsp = await Post(client,
            Line("c9", "2025-01-12", "oak-9", "fp-x", 1000),
            "{not json",
            Line("c9", "2025-01-12", "oak-9", "fp-y", -5),
            Line("c9", "2025-01-12", "Bad Slug", "fp-z", 100),
            Line("other-crawl", "2025-01-12", "oak-9", "fp-w", 100),
            Line("c9", "2025-01-12", "oak-9", "fp-v", 100, discount: 10),
            """{"crawl_id": "c9", "observed_on": "2025-02-30"}""");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(7, (int?)body["lines"]);
        Assert.Equal(1, (int?)body["accepted"]);
        Assert.Equal(6, (int?)body["rejected"]);
        var errors = body["errors"]!.AsArray().Select(e => $"{(int)e!["line"]!}:{(string)e["field"]!}").ToList();
        Assert.Equal(["2:body", "3:price_cents", "4:store_slug", "5:crawl_id", "6:discount_percent", "7:observed_on"], errors);
    }

    [Fact]
    public async Task Empty_or_hopeless_bodies_are_422()
    {
        var client = await Crawler();
        var empty = await Post(client);
        Assert.Equal((HttpStatusCode)422, empty.StatusCode);
        Assert.NotNull((await empty.Json())["details"]!["body"]);
        Assert.Equal((HttpStatusCode)422, (await Post(client, "[]", "42")).StatusCode);
    }

    [Fact]
    public async Task Requires_a_valid_api_key()
    {
        var anonymous = api.CreateClient();
        var rsp = await Post(anonymous, Line("k1", "2025-01-12", "oak-1", "fp-a", 1));
        Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
        Assert.Equal("AUTH_REQUIRED", (string?)(await rsp.Json())["code"]);
        var wrong = api.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-API-Key", "bik_not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(wrong, Line("k1", "2025-01-12", "oak-1", "fp-a", 1))).StatusCode);
        var jwt = api.ClientFor("cb_12345");   // a dashboard token is not an ingest key
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(jwt, Line("k1", "2025-01-12", "oak-1", "fp-a", 1))).StatusCode);
    }
}
