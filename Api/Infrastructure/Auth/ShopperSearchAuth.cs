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
/// Storefront calls may instead send a Shopify session token (<c>Authorization: Bearer &lt;App Bridge JWT&gt;</c>, HS256 with
/// <c>ShopperSearch:Shopify:ApiSecret</c>, audience <c>ShopperSearch:Shopify:ApiKey</c>) whose shop is the merchant's
/// <c>shop_domain</c>. Routes that read or write shopper data (<see cref="ReadsShopperData"/>) need, without an allowed
/// <c>Origin</c>, one of those two credentials (issue 17 §6): the header alone only names the catalog.
/// </summary>
public static class ShopperSearchAuth
{
    public const string Scheme = "ShopperMerchant";
    public const string MerchantHeader = "X-Merchant-ID";
    public const string ApiKeyClaim = "shopper_api_key_id";
    public const string SessionShopClaim = "shopper_session_shop";
    public const string ShopifySecretSetting = "ShopperSearch:Shopify:ApiSecret";
    public const string ShopifyKeySetting = "ShopperSearch:Shopify:ApiKey";
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

    /// <summary>Slices whose data is the merchant's shoppers' (profiles, preferences) or that delete it: <c>User/*</c>, <c>Merchant/*</c>.</summary>
    public static bool ReadsShopperData(Type endpoint) =>
        endpoint.Namespace is { } ns && (ns.StartsWith("Api.Features.ShopperSearch.User.", StringComparison.Ordinal)
                                         || ns.StartsWith("Api.Features.ShopperSearch.Merchant.", StringComparison.Ordinal));

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

        // a fresh identity: nothing is taken from a bearer token's claims (see InternalClaims)
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
                var (lease, remaining, reset) = await limits.AcquireAsync(policy, "shopper-key:" + keyId, Context.RequestAborted);
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
        else if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && config[ShopperSearchAuth.ShopifySecretSetting] is { Length: > 0 } secret
                 && auth.AsSpan("Bearer ".Length).Trim().Count('.') == 2)
        {
            if (await SessionShopAsync(auth["Bearer ".Length..].Trim(), secret) is not { } shop) return Fail(401, "Invalid Shopify session token");
            if (!await ShopOfMerchantAsync(merchant, shop)) return Fail(403, "Session token does not belong to this merchant");
            claims.Add(new Claim(ShopperSearchAuth.SessionShopClaim, shop));
        }
        else if (hasOrigin && !originAllowed)
            return Fail(403, "Origin not allowed");   // browsers are trusted only from the allow-list

        if (!originAllowed && claims.Count == 1
            && Context.GetEndpoint()?.Metadata.GetMetadata<FastEndpoints.EndpointDefinition>() is { } def && ShopperSearchAuth.ReadsShopperData(def.EndpointType))
            return Fail(401, "Shopper data needs the merchant's API key or a Shopify session token (or a browser Origin on the allow-list)");

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    static readonly Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    /// <summary>The shop of a valid App Bridge session token (signature, lifetime, audience; iss and dest name one shop), else null.</summary>
    async Task<string?> SessionShopAsync(string token, string secret)
    {
        var result = await Tokens.ValidateTokenAsync(token, HmacTokens.Parameters(secret, issuer: null /* checked against dest below */,
            config[ShopperSearchAuth.ShopifyKeySetting] is { Length: > 0 } k ? k : "shopper-dev-api-key", TimeSpan.FromSeconds(10)));
        if (!result.IsValid) return null;
        var iss = result.ClaimsIdentity.FindFirst("iss")?.Value;
        var dest = result.ClaimsIdentity.FindFirst("dest")?.Value;
        return Uri.TryCreate(iss, UriKind.Absolute, out var i) && Uri.TryCreate(dest, UriKind.Absolute, out var d)
               && i.Scheme == "https" && d.Scheme == "https" && i.AbsolutePath.TrimEnd('/') == "/admin"
               && string.Equals(i.Host, d.Host, StringComparison.OrdinalIgnoreCase)
            ? AdPriorityAuth.NormalizeShop(d.Host) : null;
    }

    /// <summary>True when the merchant's shop domain (merchant_info, else its pipeline row) is <paramref name="shop"/>.</summary>
    async Task<bool> ShopOfMerchantAsync(long merchant, string shop)
    {
        await db.Ready;
        await using var conn = await db.App.OpenConnectionAsync(Context.RequestAborted);
        await using var batch = new Npgsql.NpgsqlBatch(conn)
        {
            BatchCommands =
            {
                new Npgsql.NpgsqlBatchCommand("select set_config('app.tenant_id', $1, true)") { Parameters = { new() { Value = merchant.ToString(CultureInfo.InvariantCulture) } } },
                new Npgsql.NpgsqlBatchCommand("""
                    select lower(coalesce((select shop_domain from shopper.merchant_info where merchant_id = $1),
                                          (select shop_domain from shopper.pipeline_status where merchant_id = $1)))
                    """) { Parameters = { new() { Value = merchant } } },
            },
        };
        await using var r = await batch.ExecuteReaderAsync(Context.RequestAborted);
        await r.NextResultAsync(Context.RequestAborted);
        return await r.ReadAsync(Context.RequestAborted) && !r.IsDBNull(0) && AdPriorityAuth.NormalizeShop(r.GetString(0)) == shop;
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
