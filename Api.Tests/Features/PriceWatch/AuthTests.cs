using System.Net;
using System.Security.Cryptography;
using Api.Infrastructure.Auth;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Features.PriceWatch;

public sealed class AuthTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    [Fact]
    public async Task Tokens_are_checked_for_signature_expiry_and_audience()
    {
        var t = await PwTenant.CreateAsync(api);
        const string url = "/pricewatch/api/team/members";
        var anonymous = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotNull((string?)(await anonymous.Json())["detail"]);

        foreach (var token in new[]
                 {
                     Pw.Token(t.Owner, TimeSpan.FromMinutes(-5)),
                     Pw.Token(t.Owner, audience: "anon"),
                     PriceWatchAuth.Mint("another-secret-that-is-long-enough-0123456789abcdef", t.Owner.Id, t.Owner.Email, TimeSpan.FromMinutes(5)),
                     "not.a.jwt",
                 })
        {
            var c = api.CreateClient();
            c.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await t.Client().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Admin_endpoints_need_a_super_admin()
    {
        var t = await PwTenant.CreateAsync(api);
        var rsp = await t.Client().GetAsync("/pricewatch/api/admin/stats");
        Assert.True(rsp.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
    }
}

/// <summary>Asymmetric Supabase keys: an ES256 key published by a JWKS endpoint on 127.0.0.1.</summary>
public sealed class JwksFactory : PriceWatchFactory
{
    public static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    static readonly Lazy<string> Url = new(() =>
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(Key) { KeyId = "test-es256" });
        app.MapGet("/auth/v1/.well-known/jwks.json", () => Results.Json(new
        {
            keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, alg = "ES256", use = "sig" } },
        }));
        app.StartAsync().GetAwaiter().GetResult();
        return app.Urls.First() + "/auth/v1/.well-known/jwks.json";
    });

    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Auth:PriceWatch:JwksUrl"] = Url.Value, ["Auth:PriceWatch:Issuer"] = "https://project.supabase.co/auth/v1",
    };

    public static string Token(PwUser user, string issuer = "https://project.supabase.co/auth/v1") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Claims = new Dictionary<string, object> { ["sub"] = user.Id.ToString(), ["email"] = user.Email, ["role"] = "authenticated" },
        Audience = "authenticated", Issuer = issuer, Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(Key) { KeyId = "test-es256" }, SecurityAlgorithms.EcdsaSha256),
    });
}

public sealed class JwksAuthTests(JwksFactory api) : IClassFixture<JwksFactory>
{
    [Fact]
    public async Task Es256_tokens_from_the_jwks_are_accepted_and_the_issuer_is_checked()
    {
        var t = await PwTenant.CreateAsync(api);
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new("Bearer", JwksFactory.Token(t.Owner));
        var me = await c.GetAsync("/pricewatch/api/team/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(t.Id.ToString(), (string?)(await me.Json())["tenant_id"]);

        var wrongIssuer = api.CreateClient();
        wrongIssuer.DefaultRequestHeaders.Authorization = new("Bearer", JwksFactory.Token(t.Owner, "https://evil.example/auth/v1"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongIssuer.GetAsync("/pricewatch/api/team/me")).StatusCode);

        // the issuer is required of HS256 tokens too
        Assert.Equal(HttpStatusCode.Unauthorized, (await t.Client().GetAsync("/pricewatch/api/team/me")).StatusCode);
    }
}
