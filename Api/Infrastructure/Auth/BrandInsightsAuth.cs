using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Infrastructure.Auth;

/// <summary>
/// BrandInsights credentials. Dashboard callers: a bearer JWT carrying <c>brand_key</c>, signed HS256 with
/// <c>Auth:BrandInsights:SigningKey</c> (through <see cref="Secrets"/>) or RS256/ES256 with a key from the JWKS at
/// <c>Auth:BrandInsights:JwksUrl</c> (fetched and cached); <c>exp</c> is required, <c>exp</c>/<c>nbf</c> are checked, and
/// <c>Auth:BrandInsights:Issuer</c>/<c>Audience</c> when configured. Crawlers: <c>X-API-Key</c>, checked against the SHA-256
/// hashes in <c>brandinsights.ingest_keys</c>. Both challenge with 401 <c>AUTH_REQUIRED</c> in the module envelope.
/// </summary>
public static class BrandInsightsAuth
{
    public const string JwtScheme = "BrandInsightsJwt";
    public const string ApiKeyScheme = "BrandInsightsApiKey";
    public const string SigningKeySetting = "Auth:BrandInsights:SigningKey";
    public const string BrandClaim = "brand_key";
    public const string IngestKeyClaim = "ingest_key_id";
    public const string ApiKeyHeader = "X-API-Key";
    public const string ApiKeyPrefix = "bik_";

    public static IServiceCollection AddBrandInsightsSchemes(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpClient(nameof(JwksCache));
        services.AddSingleton<JwksCache>();
        services.AddAuthentication()
            .AddScheme<BrandJwtOptions, BrandJwtHandler>(JwtScheme, o =>
            {
                o.JwksUrl = config["Auth:BrandInsights:JwksUrl"] is { Length: > 0 } url ? url : null;
                o.Issuer = config["Auth:BrandInsights:Issuer"] is { Length: > 0 } iss ? iss : null;
                o.Audience = config["Auth:BrandInsights:Audience"] is { Length: > 0 } aud ? aud : null;
                o.SigningKeyConfigured = config[SigningKeySetting] is { Length: > 0 };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, _ => { });
        return services;
    }

    /// <summary>Mints an HS256 dashboard token (the <c>token brand-insights</c> command and tests).</summary>
    public static string MintToken(string signingKey, string brandKey, TimeSpan lifetime, string? issuer = null, string? audience = null) =>
        JwtSchemeHandler.Mint(signingKey, new Dictionary<string, object> { [BrandClaim] = brandKey, ["sub"] = "brand:" + brandKey },
            lifetime, issuer, audience);

    /// <summary>A new ingest key (shown once) and the hash that is stored.</summary>
    public static (string Key, string Hash) NewApiKey()
    {
        var key = ApiKeyPrefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (key, HashApiKey(key));
    }

    /// <summary>SHA-256 (hex) of a key: the keys are 256-bit random values, so a slow password hash would add nothing.</summary>
    public static string HashApiKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    static Task Challenge(HttpContext ctx, string message) => ApiErrors.WriteAsync(ctx, new ApiError(401, "AUTH_REQUIRED", message));

    public sealed class BrandJwtOptions : AuthenticationSchemeOptions
    {
        public string? JwksUrl { get; set; }
        public string? Issuer { get; set; }
        public string? Audience { get; set; }
        /// <summary>With a JWKS, HS256 is accepted too only when a signing key is configured explicitly.</summary>
        public bool SigningKeyConfigured { get; set; }
        public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
    }

    sealed class BrandJwtHandler(IOptionsMonitor<BrandJwtOptions> options, ILoggerFactory logger, UrlEncoder encoder, Secrets secrets, JwksCache jwks)
        : AuthenticationHandler<BrandJwtOptions>(options, logger, encoder)
    {
        static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            string? header = Request.Headers.Authorization;
            if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
            var token = header["Bearer ".Length..].Trim();
            if (token.Length == 0) return AuthenticateResult.Fail("empty token");

            var result = await Tokens.ValidateTokenAsync(token, await ParametersAsync(refresh: false));
            if (!result.IsValid && Options.JwksUrl is not null && result.Exception is SecurityTokenSignatureKeyNotFoundException)
                result = await Tokens.ValidateTokenAsync(token, await ParametersAsync(refresh: true));   // the issuer may have rotated keys
            if (!result.IsValid) return AuthenticateResult.Fail("invalid token");
            if (result.ClaimsIdentity.FindAll(BrandClaim).ToList() is not [{ Value.Length: > 0 }]) return AuthenticateResult.Fail("no single brand_key claim");

            var identity = new ClaimsIdentity(InternalClaims.FromToken(result.ClaimsIdentity.Claims, BrandClaim), Scheme.Name);   // brand_key is the issuer's
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }

        async Task<TokenValidationParameters> ParametersAsync(bool refresh)
        {
            var keys = new List<SecurityKey>();
            var algorithms = new List<string>();
            if (Options.JwksUrl is { } url)
            {
                keys.AddRange(await jwks.GetKeysAsync(url, refresh, Context.RequestAborted));
                algorithms.AddRange([SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256]);
            }
            if (Options.JwksUrl is null || Options.SigningKeyConfigured)
            {
                keys.Add(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secrets.Get(SigningKeySetting))));
                algorithms.Add(SecurityAlgorithms.HmacSha256);
            }
            return new TokenValidationParameters
            {
                IssuerSigningKeys = keys, ValidAlgorithms = algorithms, TryAllIssuerSigningKeys = true,
                ValidateIssuer = Options.Issuer is not null, ValidIssuer = Options.Issuer,
                ValidateAudience = Options.Audience is not null, ValidAudience = Options.Audience,
                ValidateLifetime = true, RequireExpirationTime = true, ClockSkew = Options.ClockSkew,
            };
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
            Challenge(Context, "Valid authentication token required");

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            ApiErrors.WriteAsync(Context, new ApiError(403, "BRAND_ACCESS_DENIED", "You do not have access to this brand"));
    }

    sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Db db)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            string? key = Request.Headers[ApiKeyHeader];
            if (string.IsNullOrEmpty(key)) return AuthenticateResult.NoResult();
            if (!key.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) || key.Length > 200) return AuthenticateResult.Fail("malformed key");
            await using var cmd = db.App.CreateCommand(
                "select id, name from brandinsights.ingest_keys where key_hash = $1 and revoked_at is null");
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = HashApiKey(key) });
            await using var r = await cmd.ExecuteReaderAsync(Context.RequestAborted);
            if (!await r.ReadAsync(Context.RequestAborted)) return AuthenticateResult.Fail("unknown key");
            var identity = new ClaimsIdentity([
                new Claim("sub", "ingest-key:" + r.GetInt64(0)), new Claim(IngestKeyClaim, r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim("name", r.GetString(1)),
            ], Scheme.Name);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Challenge(Context, "Valid API key required");
    }
}

/// <summary>
/// Signing keys from a JWKS URL, cached for <see cref="Lifetime"/>. A token with an unknown <c>kid</c> may force a refetch,
/// at most once per <see cref="MinRefresh"/>, so forged kids cannot hammer the issuer.
/// </summary>
public sealed class JwksCache(IHttpClientFactory http, TimeProvider clock, ILogger<JwksCache> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MinRefresh = TimeSpan.FromSeconds(30);
    readonly SemaphoreSlim _gate = new(1, 1);
    IReadOnlyList<SecurityKey> _keys = [];
    string? _url;
    DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(string url, bool refresh, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_url == url && now - _fetchedAt < Lifetime && (!refresh || now - _fetchedAt < MinRefresh)) return _keys;
        await _gate.WaitAsync(ct);
        try
        {
            now = clock.GetUtcNow();
            if (_url == url && now - _fetchedAt < Lifetime && (!refresh || now - _fetchedAt < MinRefresh)) return _keys;
            try
            {
                using var client = http.CreateClient(nameof(JwksCache));
                client.Timeout = TimeSpan.FromSeconds(5);
                var json = await client.GetStringAsync(url, ct);
                _keys = new JsonWebKeySet(json).GetSigningKeys().ToList();
                _url = url;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException or System.Text.Json.JsonException)
            {
                log.LogWarning(e, "Could not fetch the BrandInsights JWKS from {Url}; keeping {Count} cached keys", url, _keys.Count);
                if (_url != url) { _keys = []; _url = url; }
            }
            _fetchedAt = now;   // failures also wait MinRefresh before the next try
            return _keys;
        }
        finally { _gate.Release(); }
    }
}
