using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Tenancy;
using Api.Tests.Features.PriceWatch;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Platform;

/// <summary>The API with every module's token secrets known, so one host can mint for every scheme.</summary>
public sealed class ClaimsFactory : PriceWatchFactory
{
    public const string BrandKey = "test-brand-insights-signing-key-0123456789abcdef0123";
    public const string ShopifySecret = "test-shopify-api-secret-0123456789abcdef";
    public const string ShopifyKey = "test-shopify-api-key";

    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        [BrandInsightsAuth.SigningKeySetting] = BrandKey,
        [AdPriorityAuth.ApiSecretSetting] = ShopifySecret,
        [AdPriorityAuth.ApiKeySetting] = ShopifyKey,
        ["ShopperSearch:Cors:AllowedOrigins:0"] = "https://shop.example.com",
    };
}

/// <summary>
/// Issue 17 §1: a validly signed token may carry any claim name (Supabase custom access token hooks, metadata), so every
/// scheme drops the names it derives itself (<see cref="InternalClaims"/>) before adding its own from the database or from
/// the one claim its configuration trusts.
/// </summary>
public sealed class TrustedClaimsTests(ClaimsFactory api) : IClassFixture<ClaimsFactory>
{
    /// <summary>Every internal claim name, each with a value that would grant something.</summary>
    static Dictionary<string, object> Poison(Guid otherTenant) => new()
    {
        [TenantContext.Claim] = otherTenant.ToString(),
        [PriceWatchAuth.RoleClaim] = "owner",
        [PriceWatchAuth.SuperAdminClaim] = "true",
        [AdPriorityAuth.ShopClaim] = "victim.myshopify.com",
        [ShopperSearchAuth.ApiKeyClaim] = "1",
        [BrandInsightsAuth.BrandClaim] = "victim-brand",
        [BrandInsightsAuth.IngestKeyClaim] = "1",
        ["wholesale_role"] = "admin",
        [ClaimTypes.Role] = "admin",
    };

    static string Sign(string key, Dictionary<string, object> claims, string? audience = null, string? issuer = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims, Audience = audience, Issuer = issuer, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    static string PwToken(PwUser user, Dictionary<string, object> extra)
    {
        var claims = new Dictionary<string, object>(extra) { ["sub"] = user.Id.ToString(), ["email"] = user.Email, ["role"] = "authenticated" };
        return Sign(PriceWatchFactory.JwtSecret, claims, "authenticated");
    }

    HttpClient PwClient(PwUser user, Dictionary<string, object> extra)
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PwToken(user, extra));
        return c;
    }

    async Task<ClaimsPrincipal?> AuthenticateAsync(string scheme, Action<HttpRequest> request)
    {
        using var scope = api.Services.CreateScope();
        var ctx = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        ctx.Request.Path = "/";
        request(ctx.Request);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = ctx;
        var result = await ctx.AuthenticateAsync(scheme);
        return result.Succeeded ? result.Principal : null;
    }

    static void AssertOnly(ClaimsPrincipal p, string type, string? expected)
    {
        var values = p.FindAll(type).Select(c => c.Value).ToList();
        if (expected is null) Assert.Empty(values);
        else Assert.Equal([expected], values);
    }

    // --- the four PriceWatch attacks of the report ---

    [Fact]
    public async Task PriceWatch_viewer_claiming_owner_stays_a_viewer()
    {
        var acme = await PwTenant.CreateAsync(api);
        var viewer = await acme.AddAsync("viewer");
        var c = PwClient(viewer, new() { [PriceWatchAuth.RoleClaim] = "owner" });
        Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/pricewatch/api/team/invitations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.PutJson("/pricewatch/api/schedule", new { enabled = false, interval_hours = 24 })).StatusCode);
        Assert.Equal("viewer", (string?)(await (await c.GetAsync("/pricewatch/api/team/me")).Json())["role"]);
    }

    [Fact]
    public async Task PriceWatch_viewer_claiming_super_admin_is_refused_admin_stats()
    {
        var acme = await PwTenant.CreateAsync(api);
        var viewer = await acme.AddAsync("viewer");
        var rsp = await PwClient(viewer, new() { [PriceWatchAuth.SuperAdminClaim] = "true" }).GetAsync("/pricewatch/api/admin/stats");
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.NotNull((string?)(await rsp.Json())["detail"]);
    }

    [Fact]
    public async Task PriceWatch_owner_claiming_another_tenant_reads_only_their_own()
    {
        var acme = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, acme.Id, "https://acme.example", ("Acme secret product", 1, 2));
        var globex = await PwTenant.CreateAsync(api);
        var c = PwClient(globex.Owner, new() { [TenantContext.Claim] = acme.Id.ToString() });

        var members = await (await c.GetAsync("/pricewatch/api/team/members")).Json();
        Assert.Equal([globex.Owner.Email], members.AsArray().Select(m => (string?)m!["email"]));
        var export = await c.GetAsync("/pricewatch/api/tenant/data/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var text = await export.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Acme secret product", text);
        Assert.DoesNotContain(acme.Id.ToString(), text);
    }

    [Fact]
    public async Task PriceWatch_user_without_a_workspace_claiming_one_is_refused()
    {
        var acme = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, acme.Id, "https://acme.example", ("Acme product", 1, 2));
        var stranger = await PwTenant.NewUserAsync(api);
        var c = PwClient(stranger, new() { [TenantContext.Claim] = acme.Id.ToString(), [PriceWatchAuth.RoleClaim] = "owner" });
        var rsp = await c.GetAsync("/pricewatch/api/competitors");
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.DoesNotContain("Acme", await rsp.Content.ReadAsStringAsync());
    }

    // --- every scheme, with a token carrying every internal claim name ---

    [Fact]
    public async Task PriceWatch_scheme_derives_tenant_role_and_admin_only_from_the_database()
    {
        var acme = await PwTenant.CreateAsync(api);
        var viewer = await acme.AddAsync("viewer");
        var p = await AuthenticateAsync(PriceWatchAuth.Scheme,
            r => r.Headers.Authorization = "Bearer " + PwToken(viewer, Poison(Guid.NewGuid())));
        Assert.NotNull(p);
        AssertOnly(p, TenantContext.Claim, acme.Id.ToString());
        AssertOnly(p, PriceWatchAuth.RoleClaim, "viewer");
        AssertOnly(p, PriceWatchAuth.SuperAdminClaim, null);
        AssertNoOtherInternalClaims(p, TenantContext.Claim, PriceWatchAuth.RoleClaim);
        Assert.False(p.IsInRole("admin"));
        Assert.False(p.IsInRole("owner"));
    }

    [Fact]
    public async Task Platform_scheme_keeps_only_its_configured_tenant_claim()
    {
        var tenant = Guid.NewGuid();
        var claims = Poison(Guid.NewGuid());
        claims[TenantContext.Claim] = tenant.ToString();
        var p = await AuthenticateAsync(Schemes.PlatformJwt, r => r.Headers.Authorization = "Bearer " + Sign(ApiFactory.PlatformKey, claims));
        Assert.NotNull(p);
        AssertOnly(p, TenantContext.Claim, tenant.ToString());
        AssertNoOtherInternalClaims(p, TenantContext.Claim);
        Assert.False(p.IsInRole("admin"));
    }

    [Fact]
    public async Task BrandInsights_jwt_keeps_only_brand_key()
    {
        var claims = Poison(Guid.NewGuid());
        claims[BrandInsightsAuth.BrandClaim] = "acme";
        claims["sub"] = "brand:acme";
        var p = await AuthenticateAsync(BrandInsightsAuth.JwtScheme, r => r.Headers.Authorization = "Bearer " + Sign(ClaimsFactory.BrandKey, claims));
        Assert.NotNull(p);
        AssertOnly(p, BrandInsightsAuth.BrandClaim, "acme");
        AssertNoOtherInternalClaims(p, BrandInsightsAuth.BrandClaim);
    }

    [Fact]
    public async Task AdPriority_session_derives_tenant_and_shop_from_the_installed_shop()
    {
        var id = Guid.NewGuid();
        var shop = $"shop-{id.ToString("N")[..12]}.myshopify.com";
        await using (var conn = api.OwnerConnection())
        {
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand(
                $"select set_config('app.tenant_id', '{id}', false); insert into adpriority.tenants (id, shop_domain, plan_tier, status, timezone) values ('{id}', '{shop}', 'growth', 'active', 'UTC')", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var claims = Poison(Guid.NewGuid());
        claims["dest"] = $"https://{shop}";
        claims["sub"] = "1";
        var token = Sign(ClaimsFactory.ShopifySecret, claims, ClaimsFactory.ShopifyKey, $"https://{shop}/admin");
        var p = await AuthenticateAsync(AdPriorityAuth.Session, r => r.Headers.Authorization = "Bearer " + token);
        Assert.NotNull(p);
        AssertOnly(p, TenantContext.Claim, id.ToString());
        AssertOnly(p, AdPriorityAuth.ShopClaim, shop);
        AssertNoOtherInternalClaims(p, TenantContext.Claim, AdPriorityAuth.ShopClaim);
    }

    [Fact]
    public async Task ShopperSearch_scheme_ignores_claims_of_a_bearer_jwt()
    {
        var token = Sign(ClaimsFactory.BrandKey, Poison(Guid.NewGuid()));
        var p = await AuthenticateAsync(ShopperSearchAuth.Scheme, r =>
        {
            r.Headers[ShopperSearchAuth.MerchantHeader] = "12345";
            r.Headers.Authorization = "Bearer " + token;
            r.Headers.Origin = "https://shop.example.com";
        });
        if (p is null) return;   // refused outright is fine too
        AssertOnly(p, TenantContext.Claim, "12345");
        AssertNoOtherInternalClaims(p, TenantContext.Claim);
    }

    [Fact]
    public void Internal_claim_names_cover_every_scheme()
    {
        foreach (var name in new[] { TenantContext.Claim, PriceWatchAuth.RoleClaim, PriceWatchAuth.SuperAdminClaim, AdPriorityAuth.ShopClaim,
                     ShopperSearchAuth.ApiKeyClaim, BrandInsightsAuth.BrandClaim, BrandInsightsAuth.IngestKeyClaim, "wholesale_role", ClaimTypes.Role })
            Assert.True(InternalClaims.IsInternal(name), name);
        Assert.False(InternalClaims.IsInternal("sub"));
        Assert.False(InternalClaims.IsInternal("email"));
    }

    static void AssertNoOtherInternalClaims(ClaimsPrincipal p, params string[] derived)
    {
        var leaked = p.Claims.Where(c => InternalClaims.IsInternal(c.Type) && !derived.Contains(c.Type)).Select(c => c.Type).ToList();
        Assert.Empty(leaked);
    }
}
