using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.PriceWatch.Sync;

public sealed class SyncFactory : PriceWatchFactory
{
    public const string Token = "shpat_test_token_abc";
    public static readonly Lazy<string> Admin = new(() =>
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/admin/api/2024-10/products.json", (HttpContext ctx, string? page_info) =>
        {
            if (ctx.Request.Headers["X-Shopify-Access-Token"] != Token) return Results.StatusCode(401);
            var page = int.TryParse(page_info, out var p) ? p : 0;
            var products = Enumerable.Range(page * 3, page < 2 ? 3 : 1).Select(i => new
            {
                id = 100 + i, title = $"Own Jar {i}", vendor = "Acme", product_type = "Jars",
                variants = new[] { new { id = 900 + i, title = i % 2 == 0 ? "12-pack" : "Default Title", price = "24.00", sku = $"OWN{i}" } },
            });
            if (page < 2)
                ctx.Response.Headers["Link"] = $"<http://{ctx.Request.Host}/admin/api/2024-10/products.json?limit=250&page_info={page + 1}>; rel=\"next\"";
            return Results.Json(new { products });
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app.Urls.First();
    });

    protected override IDictionary<string, string?> More => new Dictionary<string, string?> { ["Integrations:Shopify:BaseUrl"] = Admin.Value };
}

public sealed class SyncTests(SyncFactory api) : IClassFixture<SyncFactory>
{
    static Task<JsonNode> WaitAsync(PwTenant t, string session) => t.WaitForSessionAsync($"/pricewatch/api/sync/status/{session}", 200);

    [Fact]
    public async Task Sync_with_request_then_stored_credentials()
    {
        var t = await PwTenant.CreateAsync(api);
        var rsp = await t.Client().PostJson("/pricewatch/api/sync", new { shop_url = "acme.myshopify.com", access_token = SyncFactory.Token });
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var session = (string)(await rsp.Json())["session_id"]!;
        var status = await WaitAsync(t, session);
        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(7, (int)status["products_synced"]!);
        Assert.Equal("request", (string?)status["credential_source"]);
        Assert.Equal(12, await Pw.ScalarAsync<int>(api, "select pack_quantity from pricewatch.brand_products where tenant_id = @t and sku = 'OWN0'", ("t", t.Id)));
        Assert.Equal(2m, await Pw.ScalarAsync<decimal>(api, "select ppu from pricewatch.brand_products where tenant_id = @t and sku = 'OWN0'", ("t", t.Id)));
        var payload = await Pw.ScalarAsync<string>(api, "select payload::text from platform.jobs where type = 'pricewatch.sync' and tenant_id = @t", ("t", t.Id.ToString()));
        Assert.DoesNotContain(SyncFactory.Token, payload);

        await t.Client().PutJson("/pricewatch/api/tenant/credentials", new { shopify_url = "acme.myshopify.com", shopify_token = "wrong-token" });
        var stored = await WaitAsync(t, (string)(await (await t.Client().PostJson("/pricewatch/api/sync", new { })).Json())["session_id"]!);
        Assert.Equal("failed", (string?)stored["status"]);
        Assert.Equal("stored", (string?)stored["credential_source"]);
        Assert.Contains("rejected the access token", (string?)stored["error_message"]);
    }

    [Fact]
    public async Task Missing_credentials_validation_and_tenants()
    {
        var t = await PwTenant.CreateAsync(api);
        var none = await t.Client().PostJson("/pricewatch/api/sync", new { });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("No Shopify credentials", (string?)(await none.Json())["detail"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PostJson("/pricewatch/api/sync", new { shop_url = "acme.myshopify.com" })).StatusCode);
        var other = await PwTenant.CreateAsync(api);
        var s = (string)(await (await t.Client().PostJson("/pricewatch/api/sync", new { shop_url = "x.myshopify.com", access_token = "t" })).Json())["session_id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client().GetAsync($"/pricewatch/api/sync/status/{s}")).StatusCode);
    }

    [Fact]
    public async Task A_ciphertext_copied_from_another_tenant_does_not_decrypt()
    {
        var a = await PwTenant.CreateAsync(api);
        var b = await PwTenant.CreateAsync(api);
        await a.Client().PutJson("/pricewatch/api/tenant/credentials", new { shopify_url = "a.myshopify.com", shopify_token = "token-a" });
        await b.Client().PutJson("/pricewatch/api/tenant/credentials", new { shopify_url = "b.myshopify.com", shopify_token = "token-b" });
        await Pw.ExecAsync(api, b.Id, """
            update pricewatch.tenant_credentials set shopify_url_enc = @enc where tenant_id = @t
            """, ("enc", await Pw.ScalarAsync<string>(api, "select shopify_url_enc from pricewatch.tenant_credentials where tenant_id = @a", ("a", a.Id))), ("t", b.Id));
        var rsp = await b.Client().PostJson("/pricewatch/api/sync", new { });
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        Assert.Contains("cannot be decrypted", (string?)(await rsp.Json())["detail"]);
    }
}
