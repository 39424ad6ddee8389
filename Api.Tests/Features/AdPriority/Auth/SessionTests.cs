using System.Net;
using System.Text;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Features.AdPriority.Auth;

/// <summary>App Bridge session tokens: signature, lifetime, audience, shop domains, tenant state; GET /auth/session.</summary>
public sealed class SessionTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    const string Url = "/adpriority/auth/session";

    static string Mint(string secret, string aud, string iss, string dest, DateTime? nbf = null, DateTime? exp = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["dest"] = dest, ["sub"] = "42" }, Issuer = iss, Audience = aud,
            IssuedAt = (nbf ?? now).AddSeconds(-1), NotBefore = nbf ?? now, Expires = exp ?? now.AddMinutes(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
    }

    async Task<HttpResponseMessage> Get(string token)
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await c.GetAsync(Url);
    }

    [Fact]
    public async Task Valid_token_returns_tenant_billing_and_features()
    {
        var (id, shop) = await api.InstallAsync(plan: "growth");
        var rsp = await api.ClientFor(shop).GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(id.ToString(), (string?)body["tenant"]!["id"]);
        Assert.Equal(shop, (string?)body["tenant"]!["shopifyShopDomain"]);
        Assert.Equal("growth", (string?)body["billing"]!["plan"]);
        Assert.True((bool)body["features"]!["seasonalAutomation"]!);
        Assert.Null(body["features"]!["maxProducts"]);
        Assert.Equal("100", rsp.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.True(rsp.Headers.Contains("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task Starter_plan_has_a_product_limit()
    {
        var (_, shop) = await api.InstallAsync(plan: "starter");
        var body = await (await api.ClientFor(shop).GetAsync(Url)).Json();
        Assert.Equal(500, (int?)body["features"]!["maxProducts"]);
        Assert.False((bool)body["features"]!["seasonalAutomation"]!);
    }

    [Fact]
    public async Task Bad_tokens_are_401_UNAUTHORIZED()
    {
        var (_, shop) = await api.InstallAsync();
        var (_, other) = await api.InstallAsync();
        const string s = AdPriorityApi.ApiSecret, k = AdPriorityApi.ApiKey;
        var now = DateTime.UtcNow;
        var bad = new Dictionary<string, string>
        {
            ["expired"] = Mint(s, k, $"https://{shop}/admin", $"https://{shop}", now.AddMinutes(-10), now.AddMinutes(-5)),
            ["not yet valid"] = Mint(s, k, $"https://{shop}/admin", $"https://{shop}", now.AddMinutes(5), now.AddMinutes(10)),
            ["foreign secret"] = Mint("another-apps-secret-0123456789abcdef0123", k, $"https://{shop}/admin", $"https://{shop}"),
            ["wrong audience"] = Mint(s, "someone-elses-api-key", $"https://{shop}/admin", $"https://{shop}"),
            ["iss and dest disagree"] = Mint(s, k, $"https://{other}/admin", $"https://{shop}"),
            ["not a shopify domain"] = Mint(s, k, "https://evil.example.com/admin", "https://evil.example.com"),
            ["unknown shop"] = AdPriorityAuth.MintSessionToken(s, k, "never-installed.myshopify.com", TimeSpan.FromMinutes(1)),
            ["garbage"] = "not.a.jwt",
        };
        foreach (var (name, token) in bad)
        {
            var rsp = await Get(token);
            Assert.True(rsp.StatusCode == HttpStatusCode.Unauthorized, name);
            Assert.Equal("UNAUTHORIZED", await rsp.ErrorCode());
        }
        var none = await api.CreateClient().GetAsync(Url);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("UNAUTHORIZED", await none.ErrorCode());
    }

    [Fact]
    public async Task Small_clock_skew_is_tolerated()
    {
        var (_, shop) = await api.InstallAsync();
        var now = DateTime.UtcNow;
        var rsp = await Get(Mint(AdPriorityApi.ApiSecret, AdPriorityApi.ApiKey, $"https://{shop}/admin", $"https://{shop}", now.AddSeconds(5), now.AddMinutes(1)));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
    }

    [Fact]
    public async Task Suspended_tenant_is_403_and_uninstalled_is_401()
    {
        var (_, suspended) = await api.InstallAsync(status: "suspended");
        var rsp = await api.ClientFor(suspended).GetAsync(Url);
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.Equal("TENANT_SUSPENDED", await rsp.ErrorCode());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientFor(suspended).GetAsync("/adpriority/api/products")).StatusCode);

        var (_, gone) = await api.InstallAsync(status: "uninstalled");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ClientFor(gone).GetAsync(Url)).StatusCode);
    }
}
