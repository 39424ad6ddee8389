using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Scraping;

public sealed class ScrapeFactory : PriceWatchFactory
{
    public FakeStores Stores { get; } = new();
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["PriceWatch:Scrape:RetryDelayMs"] = "50", ["Integrations:WebFetch:MinDelayMs"] = "0", ["Integrations:WebFetch:TimeoutSeconds"] = "5",
    };
}

public sealed class ScrapeTests(ScrapeFactory api) : IClassFixture<ScrapeFactory>
{
    const string Base = "/pricewatch/api/scrape";

    async Task<Guid> Competitor(PwTenant t, string url, string? platform = null)
    {
        var id = Guid.NewGuid();
        await Pw.ExecAsync(api, t.Id, "insert into pricewatch.competitors (id, tenant_id, name, url, platform) values (@id, @t, 'C', @u, @p)",
            ("id", id), ("t", t.Id), ("u", url), ("p", (object?)platform ?? DBNull.Value));
        return id;
    }

    static Task<JsonNode> WaitAsync(PwTenant t, string session) => t.WaitForSessionAsync($"{Base}/status/{session}");

    [Fact]
    public async Task Shopify_store_is_paginated_saved_and_price_changes_raise_alerts()
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var name = Guid.NewGuid().ToString("N")[..8];
        api.Stores.Shopify[name] = Enumerable.Range(0, 260).Select(i => ($"Mylar Bag {i} 12-pack", 12m + i)).ToList();
        var comp = await Competitor(t, $"{api.Stores.Url}/shop/{name}");

        var rsp = await t.Client().PostJson(Base, new { competitor_id = comp });
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var task = await rsp.Json();
        Assert.Equal("running", (string?)task["status"]);
        Assert.Equal("Scraping started", (string?)task["message"]);
        var status = await WaitAsync(t, (string)task["session_id"]!);
        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(260, (int)status["total_products"]!);
        Assert.Equal(100.0, (double)status["progress_percent"]!);
        Assert.Equal(260L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.product_tracking where competitor_id = @c", ("c", comp)));
        Assert.Equal(12, await Pw.ScalarAsync<int>(api, "select pack_quantity from pricewatch.product_tracking where competitor_id = @c and product_name = 'Mylar Bag 0 12-pack'", ("c", comp)));
        Assert.Equal(1m, await Pw.ScalarAsync<decimal>(api, "select ppu from pricewatch.product_tracking where competitor_id = @c and product_name = 'Mylar Bag 0 12-pack'", ("c", comp)));
        Assert.Equal("shopify", await Pw.ScalarAsync<string>(api, "select platform from pricewatch.competitors where id = @c", ("c", comp)));

        // prices drop 50% on two products: second single-competitor scrape records history and alerts
        var list = api.Stores.Shopify[name].ToList();
        list[0] = (list[0].Title, 6m);
        list[1] = (list[1].Title, 6.5m);
        api.Stores.Shopify[name] = list;
        var second = await (await t.Client().PostAsync($"{Base}/{comp}", null)).Json();
        Assert.Equal("completed", (string?)(await WaitAsync(t, (string)second["session_id"]!))["status"]);
        Assert.Equal(262L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.price_history where tenant_id = @t", ("t", t.Id)));
        var alerts = (await (await t.Client().GetAsync("/pricewatch/api/alerts/history")).Json()).AsArray();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(2L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.scrape_logs where competitor_id = @c and status = 'success'", ("c", comp)));
    }

    [Fact]
    public async Task Generic_stores_use_json_ld_and_open_graph()
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var catalog = await Competitor(t, $"{api.Stores.Url}/html/catalog", "generic");
        var og = await Competitor(t, $"{api.Stores.Url}/og/item", "generic");
        var task = await (await t.Client().PostJson(Base, new { })).Json();
        var status = await WaitAsync(t, (string)task["session_id"]!);
        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(2, (int)status["successful_scrapes"]!);
        Assert.Equal(3, (int)status["total_products"]!);
        Assert.Equal(12.5m, await Pw.ScalarAsync<decimal>(api, "select price from pricewatch.product_tracking where competitor_id = @c and sku = 'GJ2'", ("c", catalog)));
        Assert.Equal(12, await Pw.ScalarAsync<int>(api, "select pack_quantity from pricewatch.product_tracking where competitor_id = @c and sku = 'GJ2'", ("c", catalog)));
        Assert.Equal(3.25m, await Pw.ScalarAsync<decimal>(api, "select price from pricewatch.product_tracking where competitor_id = @c", ("c", og)));
    }

    [Fact]
    public async Task Failures_are_retried_once_logged_and_the_session_still_finishes()
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var name = Guid.NewGuid().ToString("N")[..8];
        api.Stores.Shopify[name] = Enumerable.Range(0, 600).Select(i => ($"Jar {i}", 5m)).ToList();
        api.Stores.BreakAfterPage[name] = 1;     // fails halfway: page 2 answers 500
        var halfway = await Competitor(t, $"{api.Stores.Url}/shop/{name}", "shopify");
        var broken = await Competitor(t, $"{api.Stores.Url}/broken/store", "generic");

        var task = await (await t.Client().PostJson(Base, new { })).Json();
        var status = await WaitAsync(t, (string)task["session_id"]!);
        Assert.Equal("failed", (string?)status["status"]);
        Assert.Equal(2, (int)status["failed_scrapes"]!);
        Assert.Equal(2, (int)status["completed_targets"]!);
        Assert.NotNull(status["completed_at"]);
        Assert.Equal(2, await Pw.ScalarAsync<int>(api, "select attempts from pricewatch.scrape_logs where competitor_id = @c", ("c", broken)));
        Assert.Contains("page 2", await Pw.ScalarAsync<string>(api, "select error_message from pricewatch.scrape_logs where competitor_id = @c", ("c", halfway)));
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.product_tracking where competitor_id = @c", ("c", halfway)));

        // one success among failures: completed
        var ok = Guid.NewGuid().ToString("N")[..8];
        api.Stores.Shopify[ok] = [("Tin", 2m)];
        await Competitor(t, $"{api.Stores.Url}/shop/{ok}");
        var mixed = await WaitAsync(t, (string)(await (await t.Client().PostJson(Base, new { })).Json())["session_id"]!);
        Assert.Equal("completed", (string?)mixed["status"]);
        Assert.Equal(1, (int)mixed["successful_scrapes"]!);
    }

    [Fact]
    public async Task Plan_limits_errors_and_tenants()
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await Competitor(t, $"{api.Stores.Url}/broken/{i}", "generic"));
        await Pw.ExecAsync(api, t.Id, "update pricewatch.subscriptions set plan_id = 'free' where tenant_id = @t", ("t", t.Id));
        var beyond = await t.Client().PostAsync($"{Base}/{ids[2]}", null);
        Assert.Equal(HttpStatusCode.Forbidden, beyond.StatusCode);
        var batch = await (await t.Client().PostJson(Base, new { })).Json();
        Assert.Equal(2, (int)(await WaitAsync(t, (string)batch["session_id"]!))["total_targets"]!);
        // the database refuses a third competitor on the free plan
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => Competitor(t, "https://four.example"));

        Assert.Equal(HttpStatusCode.NotFound, (await t.Client().PostAsync($"{Base}/{Guid.NewGuid()}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PostAsync($"{Base}/not-a-uuid", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.Client().GetAsync($"{Base}/status/{Guid.NewGuid()}")).StatusCode);
        var other = await PwTenant.CreateAsync(api, "pro");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client().GetAsync($"{Base}/status/{(string)batch["session_id"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client().PostAsync($"{Base}/{ids[0]}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.Client().PostJson(Base, new { })).StatusCode);
        var viewer = await t.AddAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(viewer).PostJson(Base, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostJson(Base, new { })).StatusCode);
    }
}
