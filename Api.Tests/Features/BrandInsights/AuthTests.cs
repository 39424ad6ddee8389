using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Api.Features.BrandInsights;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Features.BrandInsights;

/// <summary>Document 004 §9: every error code, in the module envelope.</summary>
public sealed class AuthTests(BrandInsightsApi api) : IClassFixture<BrandInsightsApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/summary";

    static async Task AssertError(HttpResponseMessage rsp, int status, string code, string message)
    {
        Assert.Equal(status, (int)rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(code, (string?)body["code"]);
        Assert.Equal(message, (string?)body["message"]);
        Assert.NotNull((string?)body["error"]);
    }

    [Fact]
    public async Task No_token_is_401_auth_required_on_every_endpoint()
    {
        var anonymous = api.CreateClient();
        foreach (var action in new[] { "summary", "store-timeseries", "promo-timeseries", "store-changes", "stores", "products" })
        {
            var rsp = await anonymous.GetAsync($"/brand-insights/v1/brands/cb_12345/dashboard/{action}");
            Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
                { "error": "Unauthorized", "code": "AUTH_REQUIRED", "message": "Valid authentication token required" }
                """), await rsp.Json()));
        }
    }

    [Fact]
    public async Task Expired_forged_or_claimless_tokens_are_401()
    {
        foreach (var token in new[]
                 {
                     BrandInsightsApi.Token("cb_12345", TimeSpan.FromMinutes(-5)),
                     BrandInsightsAuth.MintToken("another-signing-key-that-is-long-enough-0123456789ab", "cb_12345", TimeSpan.FromMinutes(5)),
                     JwtSchemeHandler.Mint(BrandInsightsApi.SigningKey, new Dictionary<string, object> { ["sub"] = "x" }, TimeSpan.FromMinutes(5)),
                     ApiFactory.PlatformToken(Guid.NewGuid()),
                     "not-a-jwt",
                 })
        {
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await AssertError(await client.GetAsync(Url), 401, "AUTH_REQUIRED", "Valid authentication token required");
        }
    }

    [Fact]
    public async Task Token_for_another_brand_is_403()
    {
        await api.MarketAsync();
        await AssertError(await api.ClientFor("cb_777").GetAsync(Url), 403, "BRAND_ACCESS_DENIED", "You do not have access to brand: cb_12345");
        // the claim must equal the path as written: an id token does not open the slug path
        await AssertError(await api.ClientFor("cb_12345").GetAsync("/brand-insights/v1/brands/raw-garden/dashboard/stores"),
            403, "BRAND_ACCESS_DENIED", "You do not have access to brand: raw-garden");
    }

    [Fact]
    public async Task Unknown_brand_is_404_brand_not_found()
    {
        await api.MarketAsync();
        await AssertError(await api.ClientFor("cb_unknown").GetAsync("/brand-insights/v1/brands/cb_unknown/dashboard/products"),
            404, "BRAND_NOT_FOUND", "No brand found with key: cb_unknown");
    }

    [Fact]
    public async Task Validation_errors_are_422_with_details_per_field()
    {
        var rsp = await api.ClientFor("cb_12345").GetAsync("/brand-insights/v1/brands/cb_12345/dashboard/stores?limit=500&sort=size");
        Assert.Equal(422, (int)rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("INVALID_PARAMS", (string?)body["code"]);
        Assert.Equal("Must be between 1 and 200", (string?)body["details"]!["limit"]);
        Assert.NotNull(body["details"]!["sort"]);
    }

    [Fact]
    public async Task An_unexpected_failure_is_500_internal_error_with_the_request_id()
    {
        var ctx = new DefaultHttpContext { TraceIdentifier = "req_abc123" };
        ctx.Request.Path = "/brand-insights/v1/brands/cb_12345/dashboard/summary";
        ctx.Response.Body = new MemoryStream();
        await ApiErrors.WriteAsync(ctx, new ApiError(500, "INTERNAL_ERROR", "An unexpected error occurred"));
        ctx.Response.Body.Position = 0;
        var body = JsonNode.Parse(ctx.Response.Body)!;
        Assert.Equal(500, ctx.Response.StatusCode);
        Assert.Equal("INTERNAL_ERROR", (string?)body["code"]);
        Assert.Equal("An unexpected error occurred", (string?)body["message"]);
        Assert.Equal("req_abc123", (string?)body["request_id"]);
    }
}

public sealed class DisabledFeatureApi : BrandInsightsApi
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { [BrandScope.FeatureSwitch] = "false" };
}

public sealed class FeatureSwitchTests(DisabledFeatureApi api) : IClassFixture<DisabledFeatureApi>
{
    [Fact]
    public async Task Switched_off_intelligence_is_404_feature_disabled()
    {
        await api.MarketAsync();
        var rsp = await api.ClientFor("cb_12345").GetAsync("/brand-insights/v1/brands/cb_12345/dashboard/summary");
        Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("FEATURE_DISABLED", (string?)body["code"]);
        Assert.Equal("Brand intelligence features are temporarily unavailable", (string?)body["message"]);
    }
}

/// <summary>RS256 and ES256 tokens checked against a JWKS served by a small HTTP server on 127.0.0.1, with issuer and audience.</summary>
public sealed class JwksApi : BrandInsightsApi
{
    public const string Issuer = "https://auth.cannabrands.test/";
    public const string Audience = "brand-dashboard";
    public readonly RSA Rsa = RSA.Create(2048);
    public readonly ECDsa Ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    readonly HttpListener _listener = new();
    public string JwksUrl { get; }
    public int Fetches;

    public JwksApi()
    {
        var port = System.Net.Sockets.TcpListener.Create(0) is var probe ? StartProbe(probe) : 0;
        JwksUrl = $"http://127.0.0.1:{port}/.well-known/jwks.json";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    static int StartProbe(System.Net.Sockets.TcpListener probe)
    {
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); } catch (Exception) { return; }
            Interlocked.Increment(ref Fetches);
            var rsa = Rsa.ExportParameters(false);
            var ec = Ec.ExportParameters(false);
            var json = new JsonObject
            {
                ["keys"] = new JsonArray(
                    new JsonObject { ["kty"] = "RSA", ["kid"] = "rsa-1", ["use"] = "sig", ["alg"] = "RS256",
                        ["n"] = Base64UrlEncoder.Encode(rsa.Modulus), ["e"] = Base64UrlEncoder.Encode(rsa.Exponent) },
                    new JsonObject { ["kty"] = "EC", ["kid"] = "ec-1", ["use"] = "sig", ["alg"] = "ES256", ["crv"] = "P-256",
                        ["x"] = Base64UrlEncoder.Encode(ec.Q.X), ["y"] = Base64UrlEncoder.Encode(ec.Q.Y) }),
            }.ToJsonString();
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:BrandInsights:JwksUrl"] = JwksUrl,
        ["Auth:BrandInsights:Issuer"] = Issuer,
        ["Auth:BrandInsights:Audience"] = Audience,
    };

    public string Sign(SecurityKey key, string alg, string brand, string? issuer = Issuer, string? audience = Audience, TimeSpan? lifetime = null, DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["brand_key"] = brand }, Issuer = issuer, Audience = audience,
            IssuedAt = now, NotBefore = notBefore ?? now, Expires = now + (lifetime ?? TimeSpan.FromMinutes(5)),
            SigningCredentials = new SigningCredentials(key, alg),
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { _listener.Close(); Rsa.Dispose(); Ec.Dispose(); }
        base.Dispose(disposing);
    }
}

public sealed class JwksTests(JwksApi api) : IClassFixture<JwksApi>
{
    const string Url = "/brand-insights/v1/brands/cb_12345/dashboard/summary";

    async Task<HttpStatusCode> Call(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(Url)).StatusCode;
    }

    [Fact]
    public async Task Rs256_and_es256_tokens_from_the_jwks_are_accepted_and_the_keys_cached()
    {
        await api.MarketAsync();
        var rsaKey = new RsaSecurityKey(api.Rsa) { KeyId = "rsa-1" };
        var ecKey = new ECDsaSecurityKey(api.Ec) { KeyId = "ec-1" };
        Assert.Equal(HttpStatusCode.OK, await Call(api.Sign(rsaKey, SecurityAlgorithms.RsaSha256, "cb_12345")));
        Assert.Equal(HttpStatusCode.OK, await Call(api.Sign(ecKey, SecurityAlgorithms.EcdsaSha256, "cb_12345")));
        Assert.Equal(HttpStatusCode.OK, await Call(api.Sign(rsaKey, SecurityAlgorithms.RsaSha256, "cb_12345")));
        Assert.Equal(1, api.Fetches);
    }

    [Fact]
    public async Task Wrong_issuer_audience_lifetime_key_or_algorithm_is_401()
    {
        await api.MarketAsync();
        var rsaKey = new RsaSecurityKey(api.Rsa) { KeyId = "rsa-1" };
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(api.Sign(rsaKey, SecurityAlgorithms.RsaSha256, "cb_12345", issuer: "https://evil.test/")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(api.Sign(rsaKey, SecurityAlgorithms.RsaSha256, "cb_12345", audience: "other")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(api.Sign(rsaKey, SecurityAlgorithms.RsaSha256, "cb_12345", lifetime: TimeSpan.FromMinutes(-2), notBefore: DateTime.UtcNow.AddMinutes(-10))));
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(api.Sign(rsaKey, SecurityAlgorithms.RsaSha256, "cb_12345", notBefore: DateTime.UtcNow.AddMinutes(3), lifetime: TimeSpan.FromMinutes(10))));
        using var stranger = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(api.Sign(new RsaSecurityKey(stranger) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256, "cb_12345")));
        // HS256 is not accepted when only a JWKS is configured
        Assert.Equal(HttpStatusCode.Unauthorized, await Call(BrandInsightsApi.Token("cb_12345")));
    }
}
