using System.Net;
using Api.Features.AdPriority;
using Api.Infrastructure.Security;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.AdPriority.Products;

/// <summary>POST /api/products/sync against a fake Shopify: paging, 429 retry, upsert, rescoring, sync log, SYNC_IN_PROGRESS.</summary>
public sealed class SyncProductsTests(ShopifyBackedApi api) : IClassFixture<ShopifyBackedApi>
{
    async Task<(Guid Id, string Shop)> InstallWithToken(string plan = "growth")
    {
        var (id, shop) = await api.InstallAsync(plan: plan);
        var enc = api.Services.GetRequiredService<SecretBox>().Encrypt(FakeShopify.AccessToken, Tenant.TokenAssociatedData(id));
        await api.ExecAsync(id, $"update adpriority.tenants set access_token_enc = '{enc}' where id = '{id}'");
        await api.ExecAsync(id, $"insert into adpriority.category_rules (tenant_id, product_type_pattern, base_priority) values ('{id}', 'jeans', 4)");
        return (id, shop);
    }

    [Fact]
    public async Task Full_sync_pages_through_shopify_scores_and_logs_and_refuses_a_concurrent_sync()
    {
        api.Shopify.AddProduct(9001, "Jeans A", "Men-Jeans", "NAME BRAND, Men", (90011, 5), (90012, 0));
        api.Shopify.AddProduct(9002, "Jeans B", "Men-Jeans", "Men", (90021, 3));
        api.Shopify.AddProduct(9003, "Cap", "Headwear", "", (90031, 1));
        api.Shopify.ThrottleOnce = true;
        api.Shopify.ProductPageDelayMs = 300;
        var (id, shop) = await InstallWithToken();
        var c = api.ClientFor(shop);

        var rsp = await c.PostCamel("/adpriority/api/products/sync", new { mode = "full" });
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("started", (string?)body["status"]);
        Assert.Equal("Shopify product sync started", (string?)body["message"]);
        var logId = (string)body["syncLogId"]!;

        var second = await c.PostCamel("/adpriority/api/products/sync", new { });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("SYNC_IN_PROGRESS", await second.ErrorCode());

        for (var i = 0; i < 150 && await api.ScalarAsync<string>(id, $"select status from adpriority.sync_logs where id = '{logId}'") == "started"; i++) await Task.Delay(100);
        Assert.Equal("completed", await api.ScalarAsync<string>(id, $"select status from adpriority.sync_logs where id = '{logId}'"));
        Assert.Equal(3, await api.ScalarAsync<int>(id, $"select products_synced from adpriority.sync_logs where id = '{logId}'"));
        Assert.Equal(4, await api.ScalarAsync<int>(id, $"select count(*) from adpriority.priority_scores where tenant_id = '{id}'"));
        Assert.Equal(4, await api.ScalarAsync<int>(id, $"select priority from adpriority.priority_scores s join adpriority.variants v on v.id = s.variant_id where v.shopify_variant_id = 90011 and v.tenant_id = '{id}'"));
        Assert.Contains(api.Shopify.Requests, r => r.Contains("page_info=2"));

        var logs = await (await c.GetAsync("/adpriority/api/sync/logs?syncType=shopify")).Json();
        Assert.Equal("completed", (string?)logs["logs"]![0]!["status"]);
        Assert.Equal(HttpStatusCode.Accepted, (await c.PostCamel("/adpriority/api/products/sync", new { mode = "incremental" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostCamel("/adpriority/api/products/sync", new { mode = "partial" })).StatusCode);
    }
}
