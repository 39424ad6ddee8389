using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Api.Infrastructure.Integrations.Sandbox;
using Api.Tests.Features.AdPriority;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform.Sandbox;

public sealed class AdPrioritySandboxApi : AdPriorityApi
{
    public string SandboxUrl { get; } = SandboxTesting.FreeUrl();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings.Concat(SandboxTesting.Settings(SandboxUrl)))
    {
        ["Sandbox:Shopify"] = "true",   // the test sets the app's key and secret, which alone would mean "real Shopify"
        ["AdPriority:AppUrl"] = "http://localhost",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SandboxTesting.RouteDeliveries(builder, this);
    }
}

/// <summary>AdPriority's journey with no Shopify store and no Google account: install, product sync, scores, sheet push, a product webhook.</summary>
public sealed class AdPriorityJourneyTests(AdPrioritySandboxApi api) : IClassFixture<AdPrioritySandboxApi>
{
    [Fact]
    public async Task Install_sync_scores_and_sheet_push_through_the_sandbox()
    {
        var shop = $"journey-{Guid.NewGuid().ToString("N")[..8]}.myshopify.com";
        var c = api.CreateClient();
        using var browser = SandboxTesting.Browser();
        var shopify = api.Services.GetRequiredService<ShopifySandbox>();

        // install: the authorize URL is the sandbox's consent page; approving it signs the callback parameters
        var install = await (await c.GetAsync($"/adpriority/auth/install?shop={shop}")).Json();
        var authorize = (string)install["authorizeUrl"]!;
        Assert.StartsWith($"{api.SandboxUrl}/shopify/{shop}/admin/oauth/authorize?client_id={AdPriorityApi.ApiKey}", authorize);
        var consent = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("Install app", await consent.Content.ReadAsStringAsync());

        var redirect = await browser.PostAsync(authorize, new FormUrlEncodedContent([]));   // the Install button
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("http://localhost/adpriority/auth/callback?code=", redirect.Headers.Location!.ToString());

        var approved = await (await browser.PostAsync(authorize, null)).Json();             // the same for scripts: JSON
        var callback = await c.PostCamel("/adpriority/auth/callback", new
        {
            code = (string?)approved["code"], shop = (string?)approved["shop"], hmac = (string?)approved["hmac"],
            timestamp = (string?)approved["timestamp"], state = (string?)approved["state"], host = (string?)approved["host"],
        });
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var tenant = Guid.Parse((string)(await callback.Json())["tenant"]!["id"]!);

        for (var i = 0; i < 100 && shopify.Webhooks.Count(w => w.Contains("/adpriority/webhooks/shopify/", StringComparison.Ordinal)) < 4; i++) await Task.Delay(100);
        Assert.Contains("products/update http://localhost/adpriority/webhooks/shopify/products/update", shopify.Webhooks);

        // sync: the shop's sandbox catalog (12 products, 20 variants) is read through the Admin API and scored
        var s = api.ClientFor(shop);
        var sync = await s.PostCamel("/adpriority/api/products/sync", new { mode = "full" });
        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
        var logId = (string)(await sync.Json())["syncLogId"]!;
        for (var i = 0; i < 200 && await api.ScalarAsync<string>(tenant, $"select status from adpriority.sync_logs where id = '{logId}'") == "started"; i++) await Task.Delay(100);
        Assert.Equal("completed", await api.ScalarAsync<string>(tenant, $"select status from adpriority.sync_logs where id = '{logId}'"));
        var priorities = await (await s.GetAsync("/adpriority/api/priorities?limit=100")).Json();
        Assert.Equal(20, (int)priorities["pagination"]!["total"]!);

        // sheet push: Google's token grant and Sheets API are the sandbox's; the rows can be read back
        const string sheet = "1JourneySheet00000000000000000000000000000";
        Assert.Equal(HttpStatusCode.OK, (await s.PutCamel("/adpriority/api/settings",
            new { googleSheet = new { sheetUrl = $"https://docs.google.com/spreadsheets/d/{sheet}" } })).StatusCode);
        var push = await s.PostCamel("/adpriority/api/sync/sheet", new { mode = "full" });
        Assert.Equal(HttpStatusCode.Accepted, push.StatusCode);
        var pushId = (string)(await push.Json())["syncLogId"]!;
        for (var i = 0; i < 200 && await api.ScalarAsync<string>(tenant, $"select status from adpriority.sync_logs where id = '{pushId}'") == "started"; i++) await Task.Delay(100);
        Assert.Equal("completed", await api.ScalarAsync<string>(tenant, $"select status from adpriority.sync_logs where id = '{pushId}'"));
        var rows = (await (await browser.GetAsync($"{api.SandboxUrl}/google/sheets/{sheet}")).Json())["values"]!.AsArray();
        Assert.Equal("id", (string?)rows[0]![0]);
        Assert.True(rows.Count > 1);
        Assert.StartsWith("shopify_US_", (string?)rows[1]![0]);

        // a product changed in the shop: the sandbox's Admin API delivers the signed products/update webhook
        var product = (long)shopify.Catalog(shop)[0]["id"]!;
        var admin = new HttpRequestMessage(HttpMethod.Put, $"{api.SandboxUrl}/shopify/{shop}/admin/api/2024-10/products/{product}.json")
        {
            Content = JsonContent.Create(new { product = new { title = "Stacked Jeans (renamed)" } }),
        };
        admin.Headers.Add("X-Shopify-Access-Token", ShopifySandbox.TokenFor(AdPriorityApi.ApiSecret, shop));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(admin)).StatusCode);
        Assert.Contains(shopify.Deliveries, d => d.Shop == shop && d.Topic == "products/update" && d.Status == 200);
        for (var i = 0; i < 100 && await api.ScalarAsync<string>(tenant, $"select title from adpriority.products where shopify_product_id = {product} and tenant_id = '{tenant}'") != "Stacked Jeans (renamed)"; i++)
            await Task.Delay(100);
        Assert.Equal("Stacked Jeans (renamed)", await api.ScalarAsync<string>(tenant, $"select title from adpriority.products where shopify_product_id = {product} and tenant_id = '{tenant}'"));

        // a wrong token is refused as Shopify does
        var forged = new HttpRequestMessage(HttpMethod.Get, $"{api.SandboxUrl}/shopify/{shop}/admin/api/2024-10/products.json");
        forged.Headers.Add("X-Shopify-Access-Token", "shpat_forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(forged)).StatusCode);
    }
}
