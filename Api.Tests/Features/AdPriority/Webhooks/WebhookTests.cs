using System.Net;
using System.Text;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.AdPriority.Webhooks;

/// <summary>Shopify and GDPR webhooks: HMAC over the raw body, replays, background processing, redact counts, uninstall.</summary>
public sealed class WebhookTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    static HttpRequestMessage Hook(string path, string shop, string body, string? id = null, string? hmac = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/adpriority" + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.Add("X-Shopify-Hmac-SHA256", hmac ?? AdPriorityAuth.SignWebhook(AdPriorityApi.ApiSecret, Encoding.UTF8.GetBytes(body)));
        req.Headers.Add("X-Shopify-Shop-Domain", shop);
        req.Headers.Add("X-Shopify-Webhook-Id", id ?? Guid.NewGuid().ToString());
        return req;
    }

    static string Product(long id, string type, string tags, int qty) =>
        $$"""{"id": {{id}}, "title": "Hook Product {{id}}", "product_type": "{{type}}", "vendor": "V", "tags": "{{tags}}", "status": "active", "created_at": "2025-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "variants": [{"id": {{id * 10}}, "sku": "S1", "price": "10.00", "inventory_quantity": {{qty}}}, {"id": {{id * 10 + 1}}, "sku": "S2", "price": "12.50", "inventory_quantity": 0}]}""";

    async Task Until(Func<Task<bool>> done)
    {
        for (var i = 0; i < 100; i++) { if (await done()) return; await Task.Delay(100); }
        Assert.Fail("background work did not finish");
    }

    [Fact]
    public async Task Product_create_update_delete_flow_through_the_job_and_replays_are_ignored()
    {
        var (id, shop) = await api.InstallAsync();
        await api.ExecAsync(id, $"insert into adpriority.category_rules (tenant_id, product_type_pattern, base_priority) values ('{id}', 'jeans', 4)");
        var c = api.CreateClient();
        var create = await c.SendAsync(Hook("/webhooks/shopify/products/create", shop, Product(555, "Men-Jeans", "NAME BRAND, Men", 5), "wh-1"));
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        await Until(async () => await api.ScalarAsync<int>(id, $"select count(*) from adpriority.priority_scores where tenant_id = '{id}'") == 2);
        Assert.Equal(4, await api.ScalarAsync<int>(id, "select priority from adpriority.priority_scores s join adpriority.variants v on v.id = s.variant_id where v.shopify_variant_id = 5550"));

        var replay = await c.SendAsync(Hook("/webhooks/shopify/products/create", shop, Product(555, "Men-Jeans", "NAME BRAND, Men", 5), "wh-1"));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((bool)(await replay.Json())["duplicate"]!);
        Assert.Equal(1, await api.ScalarAsync<int>(id, "select count(*) from platform.jobs where type = 'adpriority.webhook' and payload->>'webhook_id' = 'wh-1'"));

        await c.SendAsync(Hook("/webhooks/shopify/products/update", shop, Product(555, "Men-Shorts", "Men", 5), "wh-2"));
        await Until(async () => await api.ScalarAsync<string>(id, "select label2 from adpriority.priority_scores s join adpriority.variants v on v.id = s.variant_id where v.shopify_variant_id = 5550") == "shorts");

        await c.SendAsync(Hook("/webhooks/shopify/products/delete", shop, """{"id": 555}""", "wh-3"));
        await Until(async () => await api.ScalarAsync<int>(id, $"select count(*) from adpriority.products where deleted_at is null and tenant_id = '{id}'") == 0);
        Assert.Equal(0, (int)(await (await api.ClientFor(shop).GetAsync("/adpriority/api/products?status=all")).Json())["pagination"]!["total"]!);

        // the variants the delete removed are not pending: sync status counts what needsSync=true lists
        var admin = api.ClientFor(shop);
        var pending = (int)(await (await admin.GetAsync("/adpriority/api/sync/status")).Json())["pendingChanges"]!;
        var needsSync = (int)(await (await admin.GetAsync("/adpriority/api/priorities?needsSync=true")).Json())["pagination"]!["total"]!;
        Assert.Equal(needsSync, pending);
        Assert.Equal(0, pending);
    }

    [Fact]
    public async Task Tampered_or_missing_signature_is_a_bare_401()
    {
        var (id, shop) = await api.InstallAsync();
        var c = api.CreateClient();
        var body = Product(777, "X", "", 1);
        var forged = AdPriorityAuth.SignWebhook("some-other-secret", Encoding.UTF8.GetBytes(body));
        foreach (var path in new[] { "/webhooks/shopify/products/create", "/webhooks/shopify/app/uninstalled", "/api/gdpr/customers-data-request", "/api/gdpr/customers-redact", "/api/gdpr/shop-redact" })
        {
            var rsp = await c.SendAsync(Hook(path, shop, body, hmac: forged));
            Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
            Assert.Equal("", await rsp.Content.ReadAsStringAsync());
            var signedOther = Hook(path, shop, body);
            signedOther.Content = new StringContent(body + " ", Encoding.UTF8, "application/json");   // body changed after signing
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.SendAsync(signedOther)).StatusCode);
        }
        Assert.Equal(0, await api.ScalarAsync<int>(id, $"select count(*) from adpriority.products where tenant_id = '{id}'"));
        Assert.Equal("active", await api.ScalarAsync<string>(id, $"select status from adpriority.tenants where id = '{id}'"));
    }

    [Fact]
    public async Task Gdpr_customer_requests_acknowledge()
    {
        var (_, shop) = await api.InstallAsync();
        var c = api.CreateClient();
        var data = await c.SendAsync(Hook("/api/gdpr/customers-data-request", shop,
            $$"""{"shop_id": 1, "shop_domain": "{{shop}}", "customer": {"id": 9, "email": "c@example.com"}, "orders_requested": [1, 2]}"""));
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal("AdPriority does not store customer-identifiable data. No data to report.", (string?)(await data.Json())["message"]);
        var redact = await c.SendAsync(Hook("/api/gdpr/customers-redact", shop, $"{{\"shop_domain\": \"{shop}\", \"customer\": {{\"id\": 9}}}}"));
        Assert.Equal("No customer data stored. Nothing to redact.", (string?)(await redact.Json())["message"]);
    }

    [Fact]
    public async Task Uninstall_then_shop_redact_deletes_everything_and_reports_counts()
    {
        var (id, shop) = await api.InstallAsync();
        var (other, otherShop) = await api.InstallAsync();
        await api.AddProductAsync(id, "P1", "Men-Jeans", [], [1, 2, 3]);
        await api.AddProductAsync(other, "Keep", "Men-Jeans", [], [1]);
        await api.ExecAsync(id, $"insert into adpriority.category_rules (tenant_id, product_type_pattern, base_priority) values ('{id}', 'jeans', 4)");
        await api.ClientFor(shop).PostCamel("/adpriority/api/priorities/recalculate", new { });
        var c = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(Hook("/webhooks/shopify/app/uninstalled", shop, $$"""{"id": 1, "domain": "{{shop}}"}"""))).StatusCode);
        await Until(async () => await api.ScalarAsync<string>(id, $"select status from adpriority.tenants where id = '{id}'") == "uninstalled");
        Assert.True(await api.ScalarAsync<bool>(id, $"select delete_after between now() + interval '47 hours' and now() + interval '49 hours' and access_token_enc is null from adpriority.tenants where id = '{id}'"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ClientFor(shop).GetAsync("/adpriority/auth/session")).StatusCode);

        var redact = await c.SendAsync(Hook("/api/gdpr/shop-redact", shop, $$"""{"shop_id": 1, "shop_domain": "{{shop}}"}"""));
        Assert.Equal(HttpStatusCode.OK, redact.StatusCode);
        var body = await redact.Json();
        Assert.Equal($"Tenant data for {shop} has been permanently deleted.", (string?)body["message"]);
        var d = body["deletedRecords"]!;
        Assert.Equal(1, (int)d["products"]!);
        Assert.Equal(3, (int)d["variants"]!);
        Assert.Equal(3, (int)d["priorityScores"]!);
        Assert.Equal(1, (int)d["categoryRules"]!);
        Assert.Equal(4, (int)d["seasonalCalendars"]!);
        Assert.Equal(0, await api.ScalarAsync<int>(id, $"select count(*) from adpriority.tenants where id = '{id}'"));
        Assert.Equal(1, await api.ScalarAsync<int>(other, $"select count(*) from adpriority.products where tenant_id = '{other}'"));

        var again = await (await c.SendAsync(Hook("/api/gdpr/shop-redact", shop, $$"""{"shop_id": 1, "shop_domain": "{{shop}}"}"""))).Json();
        Assert.Equal(0, (int)again["deletedRecords"]!["products"]!);
        _ = otherShop;
    }

    [Fact]
    public async Task Unknown_shop_is_acknowledged_and_ignored()
    {
        var rsp = await api.CreateClient().SendAsync(Hook("/webhooks/shopify/products/create", "nobody-here.myshopify.com", Product(1, "X", "", 1)));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
    }
}
