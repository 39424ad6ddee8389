using System.Net;
using Api.Features.AdPriority;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Security;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.AdPriority.Auth;

/// <summary>Install start and /auth/callback against a fake Shopify: HMAC, nonce, freshness, code exchange, token at rest, webhooks.</summary>
public sealed class OAuthTests(ShopifyBackedApi api) : IClassFixture<ShopifyBackedApi>
{
    internal static Dictionary<string, string> Signed(string shop, string state, string code = FakeShopify.GoodCode, DateTimeOffset? at = null)
    {
        var p = new Dictionary<string, string>
        {
            ["code"] = code, ["shop"] = shop, ["state"] = state, ["host"] = "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZGVtbw",
            ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(),
        };
        p["hmac"] = AdPriorityAuth.SignQuery(AdPriorityApi.ApiSecret, p);
        return p;
    }

    internal static async Task<string> Nonce(HttpClient c, string shop)
    {
        var rsp = await c.GetAsync($"/adpriority/auth/install?shop={shop}");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.StartsWith($"https://{shop}/admin/oauth/authorize?client_id={AdPriorityApi.ApiKey}", (string?)body["authorizeUrl"]);
        Assert.Contains("redirect_uri=https%3A%2F%2Fapp.adpriority.test%2Fadpriority%2Fauth%2Fcallback", (string?)body["authorizeUrl"]);
        return (string)body["state"]!;
    }

    [Fact]
    public async Task Install_creates_the_tenant_stores_the_token_encrypted_and_registers_webhooks()
    {
        var c = api.CreateClient();
        var shop = "oauth-happy.myshopify.com";
        var state = await Nonce(c, shop);
        var rsp = await c.PostCamel("/adpriority/auth/callback", Signed(shop, state));
        Assert.True(HttpStatusCode.OK == rsp.StatusCode, await rsp.Content.ReadAsStringAsync());
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(shop, (string?)body["tenant"]!["shopifyShopDomain"]);
        Assert.Equal("starter", (string?)body["tenant"]!["planTier"]);
        Assert.Equal("active", (string?)body["tenant"]!["status"]);
        Assert.Equal("/app/dashboard", (string?)body["redirectUrl"]);
        Assert.DoesNotContain(FakeShopify.AccessToken, body.ToJsonString());
        var id = Guid.Parse((string)body["tenant"]!["id"]!);

        var stored = await api.ScalarAsync<string>(id, $"select access_token_enc from adpriority.tenants where id = '{id}'");
        Assert.DoesNotContain("shpat", stored);
        Assert.Equal(FakeShopify.AccessToken, api.Services.GetRequiredService<SecretBox>().Decrypt(stored, Tenant.TokenAssociatedData(id)));
        Assert.Equal(4, await api.ScalarAsync<int>(id, $"select count(*) from adpriority.seasons where tenant_id = '{id}'"));

        for (var i = 0; i < 100 && api.Shopify.Webhooks.Count < 4; i++) await Task.Delay(100);
        Assert.Contains("products/update https://app.adpriority.test/adpriority/webhooks/shopify/products/update", api.Shopify.Webhooks);
        Assert.Contains("app/uninstalled https://app.adpriority.test/adpriority/webhooks/shopify/app/uninstalled", api.Shopify.Webhooks);

        // the session now works; the nonce cannot be replayed
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(shop).GetAsync("/adpriority/auth/session")).StatusCode);
        var replay = await c.PostCamel("/adpriority/auth/callback", Signed(shop, state));
        Assert.Equal("INVALID_NONCE", await replay.ErrorCode());
    }

    [Fact]
    public async Task Tampered_hmac_stale_timestamp_and_foreign_nonce_are_refused()
    {
        var c = api.CreateClient();
        var shop = "oauth-tamper.myshopify.com";
        var state = await Nonce(c, shop);

        var tampered = Signed(shop, state);
        tampered["shop"] = "oauth-evil.myshopify.com";
        var rsp = await c.PostCamel("/adpriority/auth/callback", tampered);
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.Equal("INVALID_HMAC", await rsp.ErrorCode());

        var stale = await c.PostCamel("/adpriority/auth/callback", Signed(shop, state, at: DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal("INVALID_HMAC", await stale.ErrorCode());

        var foreign = await c.PostCamel("/adpriority/auth/callback", Signed("oauth-other.myshopify.com", state));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("INVALID_NONCE", await foreign.ErrorCode());
        Assert.Equal("INVALID_NONCE", await (await c.PostCamel("/adpriority/auth/callback", Signed(shop, "made-up-state"))).ErrorCode());

        var invalid = await c.PostCamel("/adpriority/auth/callback", new { shop = "not a shop", code = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("VALIDATION_ERROR", await invalid.ErrorCode());
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("/adpriority/auth/install?shop=evil.example.com")).StatusCode);
    }

    [Fact]
    public async Task Rejected_code_is_500_TOKEN_EXCHANGE_FAILED()
    {
        var c = api.CreateClient();
        var shop = "oauth-badcode.myshopify.com";
        var rsp = await c.PostCamel("/adpriority/auth/callback", Signed(shop, await Nonce(c, shop), code: "wrong-code"));
        Assert.Equal(HttpStatusCode.InternalServerError, rsp.StatusCode);
        Assert.Equal("TOKEN_EXCHANGE_FAILED", await rsp.ErrorCode());
    }
}

/// <summary>Own factory: the 10/min callback limit is per client address.</summary>
public sealed class OAuthRateLimitTests(ShopifyBackedApi api) : IClassFixture<ShopifyBackedApi>
{
    [Fact]
    public async Task Callback_is_limited_to_10_per_minute()
    {
        var c = api.CreateClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++) last = await c.PostCamel("/adpriority/auth/callback", new { });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("RATE_LIMITED", await last.ErrorCode());
        Assert.Equal("10", last.Headers.GetValues("X-RateLimit-Limit").Single());
    }
}

/// <summary>Own factory: the fake Shopify accepts its good code once per instance.</summary>
public sealed class OAuthRedirectTests(ShopifyBackedApi api) : IClassFixture<ShopifyBackedApi>
{
    [Fact]
    public async Task Shopify_redirect_GET_installs_like_the_documented_POST_and_is_verified_the_same_way()
    {
        var c = api.CreateClient();
        var shop = "oauth-get.myshopify.com";
        var state = await OAuthTests.Nonce(c, shop);
        static string Query(Dictionary<string, string> p) => string.Join('&', p.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

        var tampered = OAuthTests.Signed(shop, state);
        tampered["code"] = "other-code";
        var bad = await c.GetAsync("/adpriority/auth/callback?" + Query(tampered));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("INVALID_HMAC", await bad.ErrorCode());

        var foreign = await c.GetAsync("/adpriority/auth/callback?" + Query(OAuthTests.Signed(shop, "not-the-state")));
        Assert.Equal("INVALID_NONCE", await foreign.ErrorCode());

        var rsp = await c.GetAsync("/adpriority/auth/callback?" + Query(OAuthTests.Signed(shop, state)));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal(shop, (string?)(await rsp.Json())["tenant"]!["shopifyShopDomain"]);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(shop).GetAsync("/adpriority/auth/session")).StatusCode);
    }
}
