using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Api.Infrastructure.Auth;

/// <summary>
/// AdPriority's auth: Shopify App Bridge session tokens (HS256 JWTs signed with the app's API secret) and the HMAC checks
/// Shopify uses for OAuth redirects and webhooks. The app secret is <c>AdPriority:Shopify:ApiSecret</c> (through
/// <see cref="Secrets"/>), the API key (the tokens' audience) <c>AdPriority:Shopify:ApiKey</c>.
/// </summary>
public static class AdPriorityAuth
{
    public const string Session = "AdPrioritySession";
    public const string ApiSecretSetting = "AdPriority:Shopify:ApiSecret";
    public const string ApiKeySetting = "AdPriority:Shopify:ApiKey";
    public const string DefaultApiKey = "adpriority-dev-api-key";
    public const string ShopClaim = "shop";
    internal const string FailureItem = "adpriority.auth.failure";

    public static string ApiKey(IConfiguration config) => config[ApiKeySetting] is { Length: > 0 } k ? k : DefaultApiKey;

    public static AuthenticationBuilder AddAdPrioritySchemes(this AuthenticationBuilder auth) =>
        auth.AddScheme<AuthenticationSchemeOptions, AdPrioritySessionHandler>(Session, _ => { });

    /// <summary>A myshopify.com shop domain in canonical form, or null.</summary>
    public static string? NormalizeShop(string? shop)
    {
        if (string.IsNullOrWhiteSpace(shop)) return null;
        var s = shop.Trim().ToLowerInvariant();
        if (s.StartsWith("https://", StringComparison.Ordinal)) s = s[8..];
        s = s.TrimEnd('/');
        if (s.Length > 255 || !s.EndsWith(".myshopify.com", StringComparison.Ordinal)) return null;
        var name = s[..^".myshopify.com".Length];
        return name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? s : null;
    }

    /// <summary>Mints an App Bridge-shaped session token (the dev <c>token</c> command and tests).</summary>
    public static string MintSessionToken(string apiSecret, string apiKey, string shop, TimeSpan lifetime, string userId = "1")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["dest"] = $"https://{shop}", ["sub"] = userId, ["jti"] = Guid.NewGuid().ToString(), ["sid"] = Guid.NewGuid().ToString("N"),
            },
            Issuer = $"https://{shop}/admin", Audience = apiKey, IssuedAt = now, NotBefore = now, Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(apiSecret)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Webhook check: base64 HMAC-SHA256 of the raw body with the app secret, compared in constant time.</summary>
    public static bool VerifyWebhook(string apiSecret, ReadOnlySpan<byte> body, string? headerBase64)
    {
        if (string.IsNullOrEmpty(headerBase64)) return false;
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(headerBase64.Trim(), given, out var n) || n != 32) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given[..n]);
    }

    public static string SignWebhook(string apiSecret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), body));

    /// <summary>
    /// OAuth redirect check: every parameter except <c>hmac</c> (and <c>signature</c>), sorted by name, joined as
    /// <c>k=v&amp;k2=v2</c>, HMAC-SHA256 hex with the app secret, compared in constant time.
    /// </summary>
    public static bool VerifyQueryHmac(string apiSecret, IEnumerable<KeyValuePair<string, string>> parameters, string? hmacHex)
    {
        if (string.IsNullOrEmpty(hmacHex) || hmacHex.Length != 64) return false;
        byte[] given;
        try { given = Convert.FromHexString(hmacHex); } catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(SignQuery(apiSecret, parameters)), given);
    }

    public static string SignQuery(string apiSecret, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var message = string.Join('&', parameters
            .Where(p => p.Key is not ("hmac" or "signature"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Escape(p.Key, true)}={Escape(p.Value, false)}"));
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(message))).ToLowerInvariant();
    }

    static string Escape(string s, bool key) => s.Replace("%", "%25").Replace("&", "%26") is var v && key ? v.Replace("=", "%3D") : v;
}

/// <summary>
/// Validates <c>Authorization: Bearer &lt;App Bridge session token&gt;</c>: HS256 with the app secret, <c>exp</c>/<c>nbf</c>
/// with 10 s skew, <c>aud</c> = API key, <c>iss</c> (<c>https://{shop}/admin</c>) and <c>dest</c> (<c>https://{shop}</c>)
/// naming the same myshopify.com shop, and that shop installed (tenant exists, not uninstalled) → 401 UNAUTHORIZED otherwise;
/// a suspended tenant → 403 TENANT_SUSPENDED. The tenant id goes into the <c>tenant_id</c> claim.
/// </summary>
public sealed class AdPrioritySessionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Secrets secrets, IConfiguration config, Db db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var result = await Tokens.ValidateTokenAsync(header["Bearer ".Length..].Trim(), HmacTokens.Parameters(
            secrets.Get(AdPriorityAuth.ApiSecretSetting), issuer: null /* checked below against dest */, AdPriorityAuth.ApiKey(config),
            TimeSpan.FromSeconds(10)));
        if (!result.IsValid) return AuthenticateResult.Fail("invalid session token");

        var iss = result.ClaimsIdentity.FindFirst("iss")?.Value;
        var dest = result.ClaimsIdentity.FindFirst("dest")?.Value;
        if (!Uri.TryCreate(iss, UriKind.Absolute, out var issUri) || !Uri.TryCreate(dest, UriKind.Absolute, out var destUri)
            || issUri.Scheme != "https" || destUri.Scheme != "https" || issUri.AbsolutePath.TrimEnd('/') != "/admin"
            || !string.Equals(issUri.Host, destUri.Host, StringComparison.OrdinalIgnoreCase)
            || AdPriorityAuth.NormalizeShop(destUri.Host) is not { } shop)
            return AuthenticateResult.Fail("session token shop domains disagree");

        await db.Ready;
        await using var cmd = db.App.CreateCommand("select id, status from adpriority.tenants where shop_domain = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = shop });
        await using var r = await cmd.ExecuteReaderAsync(Context.RequestAborted);
        if (!await r.ReadAsync(Context.RequestAborted)) return AuthenticateResult.Fail("shop not installed");
        var (tenantId, status) = (r.GetGuid(0), r.GetString(1));
        if (status == "uninstalled") return AuthenticateResult.Fail("shop uninstalled");
        if (status == "suspended")
        {
            Context.Items[AdPriorityAuth.FailureItem] = "suspended";
            return AuthenticateResult.Fail("tenant suspended");
        }

        // a fresh identity: tenant and shop from adpriority.tenants, only sub from the token (see InternalClaims)
        var identity = new ClaimsIdentity(Scheme.Name);
        identity.AddClaim(new Claim(TenantContext.Claim, tenantId.ToString()));
        identity.AddClaim(new Claim(AdPriorityAuth.ShopClaim, shop));
        if (result.ClaimsIdentity.FindFirst("sub")?.Value is { } sub) identity.AddClaim(new Claim("sub", sub));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // the document: every response carries the rate-limit headers, so a refused caller sees its budget too
        if (Context.GetEndpoint()?.Metadata.GetMetadata<RateLimiting.RateLimited>()?.Policy is { } name
            && Context.RequestServices.GetRequiredService<RateLimiting.RateLimits>().Find(name) is { } policy)
        {
            var (lease, remaining, reset) = await Context.RequestServices.GetRequiredService<RateLimiting.RateLimits>().AcquireAsync(policy, RateLimiting.RateLimits.PartitionOf(Context), Context.RequestAborted);
            lease.Dispose();
            Response.Headers["X-RateLimit-Limit"] = policy.PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (policy.SendResetHeader) Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await (Context.Items.ContainsKey(AdPriorityAuth.FailureItem)
            ? ApiErrors.WriteAsync(Context, new ApiError(403, "TENANT_SUSPENDED", "Tenant account suspended"))
            : ApiErrors.WriteAsync(Context, new ApiError(401, "UNAUTHORIZED", "Session token invalid or expired")));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, new ApiError(403, "FORBIDDEN", "Insufficient permissions for this action"));
}
