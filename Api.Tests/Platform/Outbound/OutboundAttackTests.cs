using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Features.ShopperSearch.Demo;
using Api.Tests.Features.PriceWatch;
using Api.Tests.Features.ShopperSearch;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform.Outbound;

/// <summary>PriceWatch with no loopback allow-list (what Production runs), and an "internal service" on this machine.</summary>
public sealed class PwNoPrivateHostsFactory : PriceWatchFactory
{
    public FakeTarget Target { get; } = new();
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Outbound:AllowedPrivateHosts:0"] = "", ["Outbound:AllowedPrivateHosts:1"] = "", ["Outbound:AllowedPrivateHosts:2"] = "127.0.0.2",
        ["PriceWatch:Scrape:RetryDelayMs"] = "50", ["Integrations:WebFetch:MinDelayMs"] = "0", ["Integrations:WebFetch:TimeoutSeconds"] = "5",
    };
}

/// <summary>Issue 17 §2, PriceWatch: competitor URLs, the scraper and POST /api/sync never reach a non-public address.</summary>
public sealed class PriceWatchOutboundAttackTests(PwNoPrivateHostsFactory api) : IClassFixture<PwNoPrivateHostsFactory>
{
    int Port => api.Target.Port;

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("http://2130706433:{port}")]
    [InlineData("http://[::1]:{port}")]
    [InlineData("http://localhost:{port}/shop")]
    [InlineData("http://10.0.0.5/admin")]
    public async Task A_competitor_url_that_is_not_public_is_refused_when_saved(string url)
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var rsp = await t.Client().PostJson("/pricewatch/api/competitors", new { name = "Evil", url = url.Replace("{port}", Port.ToString()) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rsp.StatusCode);   // PriceWatch answers validation with FastAPI's 422
        var body = await rsp.Json();
        Assert.NotNull(body["detail"]);   // PriceWatch's FastAPI envelope
        Assert.Contains("url", body.ToJsonString());
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.competitors where tenant_id = @t", ("t", t.Id)));
    }

    [Fact]
    public async Task A_public_competitor_url_is_still_accepted() =>
        Assert.Equal(HttpStatusCode.Created, (await (await PwTenant.CreateAsync(api, "pro")).Client()
            .PostJson("/pricewatch/api/competitors", new { name = "Rival", url = "https://rival-store.example" })).StatusCode);

    [Fact]
    public async Task The_scraper_refuses_loopback_decimal_ipv6_and_redirect_forms_of_rows_saved_before_the_check()
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        api.Target.RedirectTo = $"http://127.0.0.1:{Port}/products.json";
        foreach (var url in new[] { $"http://127.0.0.1:{Port}", $"http://2130706433:{Port}", $"http://[::1]:{Port}", $"http://127.0.0.2:{api.Target.RedirectorPort}" })
            await Pw.ExecAsync(api, t.Id, "insert into pricewatch.competitors (tenant_id, name, url, platform) values (@t, @u, @u, 'shopify')", ("t", t.Id), ("u", url));
        var task = await (await t.Client().PostJson("/pricewatch/api/scrape", new { })).Json();
        var status = await t.WaitForSessionAsync($"/pricewatch/api/scrape/status/{(string)task["session_id"]!}");
        Assert.Equal("failed", (string?)status["status"]);
        Assert.Equal(4, (int)status["failed_scrapes"]!);
        Assert.Empty(api.Target.Requests);
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.product_tracking where tenant_id = @t", ("t", t.Id)));
        var errors = await Pw.ScalarAsync<string>(api, "select string_agg(error_message, ' | ') from pricewatch.scrape_logs where tenant_id = @t", ("t", t.Id));
        Assert.Contains("not a public address", errors);
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("2130706433:{port}")]
    [InlineData("169.254.169.254")]
    [InlineData("localhost:{port}")]
    public async Task Sync_refuses_a_shop_url_that_is_not_public(string shop)
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var rsp = await t.Client().PostJson("/pricewatch/api/sync", new { shop_url = shop.Replace("{port}", Port.ToString()), access_token = "shpat_x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rsp.StatusCode);   // PriceWatch answers validation with FastAPI's 422
        Assert.NotNull((await rsp.Json())["detail"]);
        await Task.Delay(300);
        Assert.Empty(api.Target.Requests);
    }

    [Fact]
    public async Task Stored_shopify_credentials_refuse_a_non_public_store()
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var rsp = await t.Client().PutJson("/pricewatch/api/tenant/credentials", new { shopify_url = $"127.0.0.1:{Port}", shopify_token = "shpat_x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rsp.StatusCode);   // PriceWatch answers validation with FastAPI's 422
    }
}

/// <summary>ShopperSearch with no loopback allow-list.</summary>
public sealed class ShopperNoPrivateHostsFactory : ShopperApi
{
    public FakeTarget Target { get; } = new();
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var s = base.Settings;
            s["Outbound:AllowedPrivateHosts:0"] = ""; s["Outbound:AllowedPrivateHosts:1"] = ""; s["Outbound:AllowedPrivateHosts:2"] = "";
            return s;
        }
    }
}

/// <summary>Issue 17 §2, ShopperSearch: image URLs at ingest and proxy-image never reach this machine.</summary>
public sealed class ShopperOutboundAttackTests(ShopperNoPrivateHostsFactory api) : IClassFixture<ShopperNoPrivateHostsFactory>
{
    [Fact]
    public async Task Ingest_refuses_image_urls_that_are_not_public()
    {
        await api.SeedAsync();
        var own = FakeTarget.OwnInterfaceAddress()?.ToString() ?? "192.0.2.2";
        var rows = new[] { "127.0.0.1", "[::1]", "169.254.169.254", "2130706433", own, "localhost" }
            .Select((h, i) => $$"""{"product_id":"SSRF-{{i}}","product_name":"Evil {{i}}","price":"1","price_numeric":1,"image1":"https://{{h}}:{{api.Target.Port}}/img.png"}""");
        var c = api.Merchant(Shopper.Demo);
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Seeder.DemoApiKey);
        var rsp = await c.PostAsync("/shopper/api/v1/ingest/products", new StringContent(string.Join('\n', rows), new UTF8Encoding(false), "application/x-ndjson"));
        var body = await rsp.Json();
        Assert.Equal(6, (int)body["rows_skipped"]!);
        Assert.All(body["errors"]!.AsArray(), e => Assert.StartsWith("image1 must not point", (string)e!["reason"]!));
    }

    [Fact]
    public async Task Proxy_image_never_reaches_loopback_or_the_machines_own_address()
    {
        var own = FakeTarget.OwnInterfaceAddress()?.ToString() ?? "192.0.2.2";
        foreach (var host in new[] { "127.0.0.1", "[::1]", "2130706433", own })
        {
            var rsp = await api.CreateClient().GetAsync("/shopper/api/v1/proxy-image?url=" + Uri.EscapeDataString($"http://{host}:{api.Target.Port}/img.png"));
            Assert.NotEqual(HttpStatusCode.OK, rsp.StatusCode);
        }
        Assert.Empty(api.Target.Requests);
    }
}
