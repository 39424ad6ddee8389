using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Tenant;

public sealed class CredentialsTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    const string Base = "/pricewatch/api/tenant/credentials";

    [Fact]
    public async Task Stored_encrypted_never_returned_preview_only()
    {
        var t = await PwTenant.CreateAsync(api);
        var c = t.Client();
        var empty = await (await c.GetAsync(Base)).Json();
        Assert.False((bool)empty["has_shopify_url"]!);

        var put = await c.PutJson(Base, new { shopify_url = "https://MyBrand.myshopify.com/", shopify_token = "shpat_supersecret_123456" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var text = await (await c.GetAsync(Base)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("supersecret", text);
        var got = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.True((bool)got["has_shopify_url"]!);
        Assert.True((bool)got["has_shopify_token"]!);
        Assert.Equal("mybrand.mysh...", (string?)got["shopify_url_preview"]);

        var stored = await Pw.ScalarAsync<string>(api, "select shopify_token_enc from pricewatch.tenant_credentials where tenant_id = @t", ("t", t.Id));
        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain("supersecret", stored);

        Assert.Equal(HttpStatusCode.OK, (await c.DeleteAsync(Base)).StatusCode);
        Assert.False((bool)(await (await c.GetAsync(Base)).Json())["has_shopify_token"]!);
    }

    [Fact]
    public async Task Validation_roles_and_tenants()
    {
        var t = await PwTenant.CreateAsync(api);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PutJson(Base, new { shopify_url = "not a url !" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PutJson(Base, new { })).StatusCode);
        var member = await t.AddAsync("member");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).PutJson(Base, new { shopify_token = "x" })).StatusCode);
        await t.Client().PutJson(Base, new { shopify_url = "a.myshopify.com", shopify_token = "tok" });
        var other = await PwTenant.CreateAsync(api);
        Assert.False((bool)(await (await other.Client().GetAsync(Base)).Json())["has_shopify_url"]!);
    }
}
