using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.RateLimiting;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Auth;

/// <summary>
/// ShopperSearch's auth model (document 002): an integer <c>X-Merchant-ID</c> header names the catalog on every endpoint but
/// <c>/health</c> and <c>/api/v1/proxy-image</c>; browser calls are trusted through a configurable CORS allow-list
/// (<c>ShopperSearch:Cors:AllowedOrigins</c>, entries may start with <c>https://*.</c>); server-to-server calls add
/// <c>Authorization: Bearer sk_test_…/sk_live_…</c>, keys stored hashed, scoped to the server's environment
/// (<c>ShopperSearch:ApiKeys:Environment</c>, default <c>test</c>) and rate-limited per key (policy <c>shopper.apikey</c>).
/// </summary>
public static class ShopperSearchAuth
{
    public const string Scheme = "ShopperMerchant";
    public const string MerchantHeader = "X-Merchant-ID";
    public const string ApiKeyClaim = "shopper_api_key_id";
    public const string ApiKeyPolicy = "shopper.apikey";
    public const string CorsPolicy = "shopper";
    public const string MissingHeader = "Missing or invalid X-Merchant-ID header";

    public static AuthenticationBuilder AddShopperSearchSchemes(this AuthenticationBuilder builder)
    {
        builder.Services.AddSingleton(new RateLimitPolicy(ApiKeyPolicy, PermitLimit: 600, Window: TimeSpan.FromMinutes(1), SendResetHeader: true));
        return builder.AddScheme<AuthenticationSchemeOptions, ShopperMerchantHandler>(Scheme, _ => { });
    }

    /// <summary>The merchant of an authenticated request (the <c>tenant_id</c> claim as a number).</summary>
    public static long MerchantOf(TenantContext tenant) =>
        long.TryParse(tenant.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw new InvalidOperationException("No ShopperSearch merchant in context.");

    public static bool TryParseMerchant(string? value, out long id) =>
        long.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>True when <paramref name="origin"/> is on the allow-list (exact, or a <c>scheme://*.suffix</c> wildcard).</summary>
    public static bool OriginAllowed(IConfiguration config, string origin)
    {
        var allowed = config.GetSection("ShopperSearch:Cors:AllowedOrigins").Get<string[]>() ?? [];
        foreach (var entry in allowed)
        {
            var e = entry.Trim().TrimEnd('/');
            if (e == "*" || string.Equals(e, origin, StringComparison.OrdinalIgnoreCase)) return true;
            var star = e.IndexOf("://*.", StringComparison.Ordinal);
            if (star > 0 && origin.StartsWith(e[..(star + 3)], StringComparison.OrdinalIgnoreCase)
                && origin.EndsWith(e[(star + 4)..], StringComparison.OrdinalIgnoreCase)
                && origin.Length > star + 3 + e[(star + 4)..].Length) return true;
        }
        return false;
    }
}

public sealed class ShopperMerchantHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Db db, RateLimits limits, IConfiguration config) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    static readonly object FailureKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? origin = Request.Headers.Origin;
        var hasOrigin = !string.IsNullOrEmpty(origin);
        var originAllowed = hasOrigin && Context.RequestServices.GetRequiredService<Modules.ModuleCors>().Allows(Modules.Modules.ShopperSearch, origin!);

        if (!ShopperSearchAuth.TryParseMerchant(Request.Headers[ShopperSearchAuth.MerchantHeader], out var merchant))
            return Fail(400, ShopperSearchAuth.MissingHeader);

        var claims = new List<Claim> { new(TenantContext.Claim, merchant.ToString(CultureInfo.InvariantCulture)) };
        string auth = Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer sk_", StringComparison.OrdinalIgnoreCase))
        {
            var key = auth["Bearer ".Length..].Trim();
            var env = config["ShopperSearch:ApiKeys:Environment"] ?? "test";
            if (!key.StartsWith($"sk_{env}_", StringComparison.Ordinal))
                return Fail(401, $"API key is not valid for the '{env}' environment");
            await db.Ready;
            await using var conn = await db.App.OpenConnectionAsync(Context.RequestAborted);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "select id, merchant_id, environment, revoked from shopper.find_api_key($1)";
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Hashing.HashApiKey(key) });
            long keyId, keyMerchant; bool revoked;
            await using (var r = await cmd.ExecuteReaderAsync(Context.RequestAborted))
            {
                if (!await r.ReadAsync(Context.RequestAborted)) return Fail(401, "Invalid API key");
                (keyId, keyMerchant, revoked) = (r.GetInt64(0), r.GetInt64(1), r.GetBoolean(3));
            }
            if (revoked) return Fail(401, "API key has been revoked");
            if (keyMerchant != merchant) return Fail(403, "API key does not belong to this merchant");

            if (limits.Find(ShopperSearchAuth.ApiKeyPolicy) is { } policy)
            {
                var (lease, remaining, reset) = limits.Acquire(policy, "shopper-key:" + keyId);
                using (lease)
                {
                    Response.Headers["X-RateLimit-Limit"] = policy.PermitLimit.ToString(CultureInfo.InvariantCulture);
                    Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                    Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    if (!lease.IsAcquired)
                    {
                        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((reset - DateTimeOffset.UtcNow).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                        return Fail(429, "Rate limit exceeded for this API key");
                    }
                }
            }
            await using (var touch = conn.CreateCommand())
            {
                touch.CommandText = "select shopper.touch_api_key($1)";
                touch.Parameters.Add(new Npgsql.NpgsqlParameter { Value = keyId });
                await touch.ExecuteNonQueryAsync(Context.RequestAborted);
            }
            claims.Add(new Claim(ShopperSearchAuth.ApiKeyClaim, keyId.ToString(CultureInfo.InvariantCulture)));
        }
        else if (hasOrigin && !originAllowed)
            return Fail(403, "Origin not allowed");   // browsers are trusted only from the allow-list

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    AuthenticateResult Fail(int status, string message)
    {
        Context.Items[FailureKey] = new ApiError(status, null, message);
        return AuthenticateResult.Fail(message);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, Context.Items[FailureKey] as ApiError ?? new ApiError(400, null, ShopperSearchAuth.MissingHeader));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, new ApiError(403, null, "Not allowed"));
}
