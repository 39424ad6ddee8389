using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Api.Infrastructure.Auth;

/// <summary>
/// PriceWatch: bearer JWTs issued by Supabase Auth. HS256 with the project's JWT secret (<c>Auth:PriceWatch:JwtSecret</c>,
/// a generated development value when unset) and/or asymmetric keys from <c>Auth:PriceWatch:JwksUrl</c>; <c>exp</c> and
/// <c>aud</c> (<c>Auth:PriceWatch:Audience</c>, default <c>authenticated</c>) are required, the issuer is checked when
/// <c>Auth:PriceWatch:Issuer</c> is set. The user's tenant and role come from <c>pricewatch.user_tenants</c> on every
/// request (so a removal or role change applies at once); the tenant goes into the <c>tenant_id</c> claim.
/// A signed-in user without a tenant is authenticated but has no <c>tenant_id</c>: the member policy forbids them.
/// </summary>
public static class PriceWatchAuth
{
    public const string Scheme = "PriceWatchJwt";
    public const string SecretSetting = "Auth:PriceWatch:JwtSecret";
    public const string MemberPolicy = "PriceWatchMember";
    public const string SuperAdminPolicy = "PriceWatchSuperAdmin";
    public const string RoleClaim = "pw_role";
    public const string SuperAdminClaim = "pw_super_admin";

    public static AuthenticationBuilder AddPriceWatchJwt(this AuthenticationBuilder builder, IConfiguration config)
    {
        builder.Services.AddHttpClient(nameof(PriceWatchJwks), c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<PriceWatchJwks>();
        builder.Services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(MemberPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(TenantContext.Claim));
            o.AddPolicy(SuperAdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(SuperAdminClaim, "true"));
        });
        return builder.AddScheme<AuthenticationSchemeOptions, PriceWatchJwtHandler>(Scheme, _ => { });
    }

    /// <summary>A token the scheme accepts, signed with the HS256 secret (token command, tests, http-samples).</summary>
    public static string Mint(string secret, Guid userId, string? email, TimeSpan lifetime, string audience = "authenticated", string? issuer = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["role"] = "authenticated" };
        if (email is not null) claims["email"] = email;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims, Audience = audience, Issuer = issuer, IssuedAt = now, NotBefore = now, Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>Signing keys published at the configured JWKS URL, cached for 10 minutes and refetched (at most every 30 s) on an unknown key id.</summary>
public sealed class PriceWatchJwks(IHttpClientFactory http, IConfiguration config, ILogger<PriceWatchJwks> log)
{
    readonly SemaphoreSlim _gate = new(1, 1);
    IReadOnlyList<SecurityKey> _keys = [];
    DateTimeOffset _fetched = DateTimeOffset.MinValue;

    public string? Url => config["Auth:PriceWatch:JwksUrl"] is { Length: > 0 } u ? u : null;

    public async Task<IReadOnlyList<SecurityKey>> GetAsync(bool refresh, CancellationToken ct)
    {
        if (Url is not { } url) return [];
        var age = DateTimeOffset.UtcNow - _fetched;
        if (_keys.Count > 0 && age < TimeSpan.FromMinutes(10) && !(refresh && age > TimeSpan.FromSeconds(30))) return _keys;
        await _gate.WaitAsync(ct);
        try
        {
            age = DateTimeOffset.UtcNow - _fetched;
            if (_keys.Count > 0 && age < TimeSpan.FromSeconds(30)) return _keys;
            var json = await http.CreateClient(nameof(PriceWatchJwks)).GetStringAsync(url, ct);
            _keys = new JsonWebKeySet(json).GetSigningKeys().ToList();
            _fetched = DateTimeOffset.UtcNow;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException or System.Text.Json.JsonException)
        {
            log.LogWarning("Could not fetch the PriceWatch JWKS from {Url}: {Error}", url, e.Message);
        }
        finally { _gate.Release(); }
        return _keys;
    }
}

public sealed class PriceWatchJwtHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Secrets secrets, IConfiguration config, Db db, PriceWatchJwks jwks) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();

        var result = await Tokens.ValidateTokenAsync(token, await ParametersAsync(refresh: false));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && jwks.Url is not null)
            result = await Tokens.ValidateTokenAsync(token, await ParametersAsync(refresh: true));
        if (!result.IsValid) return AuthenticateResult.Fail("invalid token");

        // tenant, role and super-admin come only from the database: the token's own claims of those names are dropped
        var identity = new ClaimsIdentity(InternalClaims.FromToken(result.ClaimsIdentity.Claims), Scheme.Name, "sub", PriceWatchAuth.RoleClaim);
        if (!Guid.TryParse(identity.FindFirst("sub")?.Value, out var userId)) return AuthenticateResult.Fail("token has no user id");
        var email = identity.FindFirst("email")?.Value is { Length: > 0 } e ? e.Trim().ToLowerInvariant() : null;

        var (tenant, role, superAdmin) = await ResolveAsync(userId, email, Context.RequestAborted);
        if (tenant is not null)
        {
            identity.AddClaim(new Claim(TenantContext.Claim, tenant.Value.ToString()));
            identity.AddClaim(new Claim(PriceWatchAuth.RoleClaim, role!));
        }
        if (superAdmin) identity.AddClaim(new Claim(PriceWatchAuth.SuperAdminClaim, "true"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    async Task<TokenValidationParameters> ParametersAsync(bool refresh)
    {
        var keys = new List<SecurityKey>(await jwks.GetAsync(refresh, Context.RequestAborted));
        var algorithms = new List<string> { SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256 };
        if (config[PriceWatchAuth.SecretSetting] is { Length: > 0 } || jwks.Url is null)
        {
            keys.Add(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secrets.Get(PriceWatchAuth.SecretSetting))));
            algorithms.Add(SecurityAlgorithms.HmacSha256);
        }
        var issuer = config["Auth:PriceWatch:Issuer"] is { Length: > 0 } i ? i : null;
        return new TokenValidationParameters
        {
            IssuerSigningKeys = keys, ValidAlgorithms = algorithms, TryAllIssuerSigningKeys = true,
            ValidateIssuer = issuer is not null, ValidIssuer = issuer,
            ValidateAudience = true, ValidAudience = config["Auth:PriceWatch:Audience"] is { Length: > 0 } a ? a : "authenticated",
            ValidateLifetime = true, RequireExpirationTime = true, ClockSkew = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>One round trip: remember the user (email from the token), read their membership and super-admin flag.</summary>
    async Task<(Guid? Tenant, string? Role, bool SuperAdmin)> ResolveAsync(Guid userId, string? email, CancellationToken ct)
    {
        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("select set_config('app.pw_user_id', $1, true)") { Parameters = { new() { Value = userId.ToString() } } },
                // read-mostly: the insert only for a new user, the update only when the token's email differs (no row lock otherwise)
                new NpgsqlBatchCommand("insert into pricewatch.users (id, email) values ($1, $2) on conflict (id) do nothing")
                    { Parameters = { new() { Value = userId }, new NpgsqlParameter<string?> { TypedValue = email } } },
                new NpgsqlBatchCommand("update pricewatch.users set email = $2, updated_at = now() where id = $1 and $2 is not null and email is distinct from $2")
                    { Parameters = { new() { Value = userId }, new NpgsqlParameter<string?> { TypedValue = email } } },
                new NpgsqlBatchCommand("""
                    select ut.tenant_id, ut.role, exists (select 1 from pricewatch.super_admins s where s.user_id = $1)
                      from (select 1) one left join pricewatch.user_tenants ut on ut.user_id = $1
                    """) { Parameters = { new() { Value = userId } } },
            },
        };
        await using var r = await batch.ExecuteReaderAsync(ct);
        do
        {
            if (r.FieldCount == 3 && await r.ReadAsync(ct))
                return (r.IsDBNull(0) ? null : r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetBoolean(2));
        } while (await r.NextResultAsync(ct));
        return (null, null, false);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, new ApiError(401, null, "Not authenticated: a valid Supabase access token is required"));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, Context.User.FindFirst(TenantContext.Claim) is null
            ? new ApiError(403, null, "You are not a member of any workspace yet: accept an invitation (POST /api/team/invitations/{id}/accept) or create a workspace (POST /api/team/workspace)")
            : new ApiError(403, null, "Super admin access required"));
}
