using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Api.Infrastructure.Auth;

/// <summary>
/// Wholesale's three documented sign-ins. Every identity is built from our database only: the schemes copy no claim from a
/// token (a staff JWT carries just <c>sub</c> and <c>jti</c>, and both are checked against <c>wholesale.staff_tokens</c>).
/// <list type="bullet">
/// <item><b>Session</b> (customers): the <c>session</c> cookie holds a random value whose SHA-256 is in
/// <c>wholesale.customer_sessions</c>; 30 days, sliding (renewed at most every 10 minutes, with a fresh cookie).</item>
/// <item><b>Staff</b>: an HS256 JWT (12 h) from <c>/api/staff/login</c> or <c>/api/shipping/login</c>, sent as
/// <c>Authorization: Bearer</c> or as the <c>session</c> cookie; the role and <c>is_active</c> are read per request and
/// logout or a password change revokes it.</item>
/// <item><b>API key</b>: <c>X-API-Key</c>, SHA-256 in <c>wholesale.api_keys</c>, with scopes, expiry and revocation; usage is
/// counted in memory and flushed in batches (<see cref="WholesaleKeyUsage"/>), so a call costs no write.</item>
/// </list>
/// </summary>
public static class WholesaleAuth
{
    public const string Customer = "WholesaleSession";
    public const string Staff = "WholesaleStaff";
    public const string ApiKey = "WholesaleApiKey";

    public const string CustomerPolicy = "WholesaleCustomer";
    public const string StaffPolicy = "WholesaleStaff";
    /// <summary>The document's "Staff + Admin": admin or manager.</summary>
    public const string StaffAdminPolicy = "WholesaleStaffAdmin";
    /// <summary>"admin staff role" only.</summary>
    public const string AdminOnlyPolicy = "WholesaleAdminOnly";
    /// <summary>Any proven caller: a customer session, a staff token or a valid key (the slice decides what each may do).</summary>
    public const string AnyCallerPolicy = "WholesaleAnyCaller";
    public static string KeyPolicy(string scope) => "WholesaleKey:" + scope;
    public static string StaffOrKeyPolicy(string scope) => "WholesaleStaffOrKey:" + scope;

    public const string CookieName = "session";
    public const string SigningKeySetting = "Auth:Wholesale:StaffSigningKey";
    public const string TokenIssuer = "slices-wholesale";
    public const string TokenAudience = "wholesale-staff";
    public static readonly TimeSpan StaffTokenLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);

    // Claims this module derives (prefix ws_, listed in InternalClaims). They never come from a token: each scheme builds a
    // fresh identity from the database; "sub" names the subject for per-caller rate limits (customer:N, staff:N, key:N).
    public const string CustomerIdClaim = "ws_customer_id";
    public const string SessionIdClaim = "ws_session_id";
    public const string StaffIdClaim = "ws_staff_id";
    public const string StaffRoleClaim = "ws_staff_role";
    public const string StaffTokenClaim = "ws_staff_jti";
    public const string KeyIdClaim = "ws_key_id";
    public const string ScopeClaim = "ws_scope";

    public static readonly string[] Scopes = ["products:read", "products:write", "voice", "renewals", "shipping:notify", "diagnostics"];
    public static readonly string[] DefaultScopes = ["products:read", "products:write", "voice"];
    public static readonly string[] Roles = ["admin", "manager", "staff", "sales_rep"];

    public static AuthenticationBuilder AddWholesaleSchemes(this AuthenticationBuilder builder)
    {
        builder.Services.AddSingleton<WholesaleKeyUsage>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WholesaleKeyUsage>());
        builder.Services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(CustomerPolicy, p => p.AddAuthenticationSchemes(Customer).RequireClaim(CustomerIdClaim));
            o.AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(Staff).RequireClaim(StaffRoleClaim));
            o.AddPolicy(StaffAdminPolicy, p => p.AddAuthenticationSchemes(Staff).RequireClaim(StaffRoleClaim, "admin", "manager"));
            o.AddPolicy(AdminOnlyPolicy, p => p.AddAuthenticationSchemes(Staff).RequireClaim(StaffRoleClaim, "admin"));
            o.AddPolicy(AnyCallerPolicy, p => p.AddAuthenticationSchemes(Customer, Staff, ApiKey).RequireAssertion(c =>
                c.User.HasClaim(x => x.Type is CustomerIdClaim or StaffRoleClaim or KeyIdClaim)));
            foreach (var scope in Scopes)
            {
                o.AddPolicy(KeyPolicy(scope), p => p.AddAuthenticationSchemes(ApiKey).RequireClaim(ScopeClaim, scope));
                o.AddPolicy(StaffOrKeyPolicy(scope), p => p.AddAuthenticationSchemes(Staff, ApiKey).RequireAssertion(c =>
                    c.User.HasClaim(x => x.Type == StaffRoleClaim) || c.User.HasClaim(ScopeClaim, scope)));
            }
        });
        return builder
            .AddScheme<AuthenticationSchemeOptions, WholesaleSessionHandler>(Customer, _ => { })
            .AddScheme<AuthenticationSchemeOptions, WholesaleStaffHandler>(Staff, _ => { })
            .AddScheme<AuthenticationSchemeOptions, WholesaleApiKeyHandler>(ApiKey, _ => { });
    }

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>A random, URL-safe value for cookies and single-use tokens (256 bits).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Signs a staff token; the caller stores its <paramref name="jti"/> in <c>wholesale.staff_tokens</c>.</summary>
    public static string MintStaffToken(string signingKey, long staffId, Guid jti, DateTime expiresUtc)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["jti"] = jti.ToString() },
            Issuer = TokenIssuer, Audience = TokenAudience, IssuedAt = now, NotBefore = now, Expires = expiresUtc,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The staff token a request presents (bearer header first, then a JWT-shaped <c>session</c> cookie).</summary>
    public static string? StaffTokenOf(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Cookies[CookieName] is { } c && c.Count(ch => ch == '.') == 2 ? c : null;
    }

    static readonly JsonWebTokenHandler StaffTokens = new() { MapInboundClaims = false };

    /// <summary>Validates signature, issuer, audience and lifetime; returns (staff id, jti) or null.</summary>
    public static async Task<(long StaffId, Guid Jti)?> ReadStaffTokenAsync(string token, string signingKey)
    {
        var result = await StaffTokens.ValidateTokenAsync(token,
            HmacTokens.Parameters(signingKey, TokenIssuer, TokenAudience, TimeSpan.FromSeconds(30)));
        if (!result.IsValid) return null;
        if (!long.TryParse(result.ClaimsIdentity.FindFirst("sub")?.Value, out var staffId)) return null;
        if (!Guid.TryParse(result.ClaimsIdentity.FindFirst("jti")?.Value, out var jti)) return null;
        return (staffId, jti);
    }

    internal static Task Challenge(HttpContext ctx) =>
        ApiErrors.WriteAsync(ctx, new ApiError(401, "UNAUTHORIZED", "Authentication required"));

    internal static Task Forbid(HttpContext ctx) =>
        ApiErrors.WriteAsync(ctx, new ApiError(403, "FORBIDDEN", "You do not have permission to do this"));

    public static long? CustomerId(this ClaimsPrincipal user) => long.TryParse(user.FindFirst(CustomerIdClaim)?.Value, out var id) ? id : null;
    public static long? StaffId(this ClaimsPrincipal user) => long.TryParse(user.FindFirst(StaffIdClaim)?.Value, out var id) ? id : null;
    public static string? StaffRole(this ClaimsPrincipal user) => user.FindFirst(StaffRoleClaim)?.Value;
    public static long? ApiKeyId(this ClaimsPrincipal user) => long.TryParse(user.FindFirst(KeyIdClaim)?.Value, out var id) ? id : null;
    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.HasClaim(ScopeClaim, scope);
}

/// <summary>Customer <c>session</c> cookie.</summary>
public sealed class WholesaleSessionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Db db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    const string Lookup = """
        with s as (
            select cs.id, cs.customer_id, cs.last_seen_at
              from wholesale.customer_sessions cs
              join wholesale.customers c on c.id = cs.customer_id and c.deleted_at is null
             where cs.token_hash = $1 and cs.revoked_at is null and cs.expires_at > now()
        ), touched as (
            update wholesale.customer_sessions cs set last_seen_at = now(), expires_at = now() + interval '30 days'
              from s where cs.id = s.id and s.last_seen_at < now() - interval '10 minutes'
            returning cs.id
        )
        select s.id, s.customer_id, exists (select from touched) from s
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Cookies[WholesaleAuth.CookieName] is not { Length: > 20 and < 200 } token || token.Contains('.'))
            return AuthenticateResult.NoResult();   // absent, or a staff JWT carried in the same cookie
        await using var cmd = db.App.CreateCommand(Lookup);
        cmd.Parameters.Add(new NpgsqlParameter { Value = WholesaleAuth.HashToken(token) });
        await using var r = await cmd.ExecuteReaderAsync(Context.RequestAborted);
        if (!await r.ReadAsync(Context.RequestAborted)) return AuthenticateResult.Fail("unknown or expired session");
        var (sessionId, customerId, renewed) = (r.GetInt64(0), r.GetInt64(1), r.GetBoolean(2));
        if (renewed)
            Response.Cookies.Append(WholesaleAuth.CookieName, token, WholesaleCookies.Options(Request, DateTimeOffset.UtcNow + WholesaleAuth.SessionLifetime));
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", "customer:" + customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)),   // rate-limit partition
            new Claim(WholesaleAuth.CustomerIdClaim, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(WholesaleAuth.SessionIdClaim, sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WholesaleAuth.Challenge(Context);
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WholesaleAuth.Forbid(Context);
}

/// <summary>Staff JWT (bearer or cookie), checked against <c>staff_tokens</c> and <c>staff_users</c> on every request.</summary>
public sealed class WholesaleStaffHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Db db, Secrets secrets) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    const string Lookup = """
        select u.role from wholesale.staff_tokens t join wholesale.staff_users u on u.id = t.staff_id
         where t.jti = $1 and t.staff_id = $2 and t.revoked_at is null and t.expires_at > now() and u.is_active
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (WholesaleAuth.StaffTokenOf(Request) is not { } token) return AuthenticateResult.NoResult();
        if (await WholesaleAuth.ReadStaffTokenAsync(token, secrets.Get(WholesaleAuth.SigningKeySetting)) is not var (staffId, jti))
            return AuthenticateResult.Fail("invalid staff token");
        await using var cmd = db.App.CreateCommand(Lookup);
        cmd.Parameters.Add(new NpgsqlParameter { Value = jti });
        cmd.Parameters.Add(new NpgsqlParameter { Value = staffId });
        if (await cmd.ExecuteScalarAsync(Context.RequestAborted) is not string role) return AuthenticateResult.Fail("revoked or inactive");
        var id = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", "staff:" + id), new Claim(WholesaleAuth.StaffIdClaim, id), new Claim(WholesaleAuth.StaffRoleClaim, role),
            new Claim(WholesaleAuth.StaffTokenClaim, jti.ToString()),
        ], Scheme.Name, WholesaleAuth.StaffIdClaim, WholesaleAuth.StaffRoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WholesaleAuth.Challenge(Context);
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WholesaleAuth.Forbid(Context);
}

/// <summary><c>X-API-Key</c>.</summary>
public sealed class WholesaleApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Db db, WholesaleKeyUsage usage) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    const string Lookup = """
        select id, scopes from wholesale.api_keys
         where key_hash = $1 and is_active and revoked_at is null and (expires_at is null or expires_at > now())
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers["X-API-Key"].ToString() is not { Length: > 0 } key) return AuthenticateResult.NoResult();
        if (key.Length > 200) return AuthenticateResult.Fail("invalid API key");
        await using var cmd = db.App.CreateCommand(Lookup);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Security.Hashing.HashApiKey(key) });
        await using var r = await cmd.ExecuteReaderAsync(Context.RequestAborted);
        if (!await r.ReadAsync(Context.RequestAborted)) return AuthenticateResult.Fail("invalid, revoked or expired API key");
        var id = r.GetInt64(0);
        var scopes = r.GetFieldValue<string[]>(1);
        usage.Count(id);
        var claims = new List<Claim>
        {
            new("sub", "key:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)),   // rate-limit partition: per key (600/min)
            new(WholesaleAuth.KeyIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(scopes.Select(s => new Claim(WholesaleAuth.ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WholesaleAuth.Challenge(Context);
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WholesaleAuth.Forbid(Context);
}

/// <summary>Counts key use in memory and writes <c>use_count</c>/<c>last_used_at</c> every few seconds (and at shutdown).</summary>
public sealed class WholesaleKeyUsage(Db db, ILogger<WholesaleKeyUsage> log) : BackgroundService
{
    readonly ConcurrentDictionary<long, (long Count, DateTimeOffset Last)> _pending = new();

    public void Count(long keyId) =>
        _pending.AddOrUpdate(keyId, _ => (1, DateTimeOffset.UtcNow), (_, v) => (v.Count + 1, DateTimeOffset.UtcNow));

    /// <summary>Writes what was counted so far (tests call this to read exact counters).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.IsEmpty) return;
        var ids = new List<long>(); var counts = new List<long>(); var lasts = new List<DateTimeOffset>();
        foreach (var id in _pending.Keys)
            if (_pending.TryRemove(id, out var v)) { ids.Add(id); counts.Add(v.Count); lasts.Add(v.Last); }
        if (ids.Count == 0) return;
        await using var cmd = db.App.CreateCommand("""
            update wholesale.api_keys k set use_count = k.use_count + u.n, last_used_at = greatest(k.last_used_at, u.last)
              from unnest($1::bigint[], $2::bigint[], $3::timestamptz[]) u(id, n, last) where k.id = u.id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = counts.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = lasts.ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await db.Ready.WaitAsync(stoppingToken); } catch (OperationCanceledException) { return; } catch (Exception) { return; }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                try { await FlushAsync(stoppingToken); }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { log.LogWarning("API key usage flush failed: {Error}", e.Message); }
        }
        catch (OperationCanceledException) { }
        try { await FlushAsync(CancellationToken.None); } catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { }
    }
}

/// <summary>The <c>session</c> cookie's attributes: HttpOnly, SameSite=Lax, Secure on HTTPS, path /.</summary>
public static class WholesaleCookies
{
    public static CookieOptions Options(HttpRequest request, DateTimeOffset expires) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = request.IsHttps, Path = "/", Expires = expires, IsEssential = true,
    };

    public static void Clear(HttpResponse response, HttpRequest request) =>
        response.Cookies.Append(CookieName, "", Options(request, DateTimeOffset.UnixEpoch));

    const string CookieName = WholesaleAuth.CookieName;
}
