using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Infrastructure.Auth;

public sealed class JwtSchemeOptions : AuthenticationSchemeOptions
{
    /// <summary>Configuration key of the HS256 secret (resolved through <see cref="Secrets"/>).</summary>
    public string SigningKeySetting { get; set; } = "";
    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    /// <summary>The token claim that names the tenant; copied to <see cref="TenantContext.Claim"/>.</summary>
    public string TenantClaim { get; set; } = TenantContext.Claim;
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>When set, a token whose tenant claim fails this check is refused (401), e.g. "must be a UUID".</summary>
    public Func<string, bool>? TenantIsValid { get; set; }
}

/// <summary>
/// Bearer JWT (HS256) scheme. Challenges and forbids are written in the envelope of the module that owns the request,
/// so a 401 from BrandInsights reads <c>AUTH_REQUIRED</c> and one from AdPriority <c>UNAUTHORIZED</c>.
/// </summary>
public sealed class JwtSchemeHandler(IOptionsMonitor<JwtSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Secrets secrets)
    : AuthenticationHandler<JwtSchemeOptions>(options, logger, encoder)
{
    static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        var result = await Tokens.ValidateTokenAsync(token, Parameters());
        if (!result.IsValid) return AuthenticateResult.Fail("invalid token");

        // only the configured tenant claim is trusted from the issuer; every other internal name is dropped
        var identity = new ClaimsIdentity(InternalClaims.FromToken(result.ClaimsIdentity.Claims, Options.TenantClaim), Scheme.Name);
        if (Options.TenantIsValid is { } valid && (identity.FindFirst(Options.TenantClaim)?.Value is not { } tenant || !valid(tenant)))
            return AuthenticateResult.Fail("token has no valid tenant");
        if (identity.FindAll(Options.TenantClaim).Skip(1).Any()) return AuthenticateResult.Fail("token names more than one tenant");
        if (Options.TenantClaim != TenantContext.Claim && identity.FindFirst(Options.TenantClaim) is { } t)
            identity.AddClaim(new Claim(TenantContext.Claim, t.Value));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    TokenValidationParameters Parameters() =>
        HmacTokens.Parameters(secrets.Get(Options.SigningKeySetting), Options.Issuer, Options.Audience, Options.ClockSkew);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, new ApiError(401, null, "Valid authentication token required"));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.WriteAsync(Context, new ApiError(403, null, "Not allowed"));

    /// <summary>Mints a token this scheme accepts (the <c>token</c> command and tests).</summary>
    public static string Mint(string signingKey, IDictionary<string, object> claims, TimeSpan lifetime, string? issuer = null, string? audience = null)
    {
        var now = DateTime.UtcNow;
        return Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims, Issuer = issuer, Audience = audience, IssuedAt = now, NotBefore = now, Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
