using System.Text;
using Api.Infrastructure.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Features.Platform;

/// <summary>
/// The platform admin token: a platform JWT (HS256, <c>Auth:Platform:SigningKey</c>, same issuer and audience) carrying
/// <c>"platform_admin": true</c> and no tenant. It guards operator endpoints that belong to no tenant (ShopperSearch merchant
/// API keys, BrandInsights ingest keys). Mint one with <c>dotnet run --project Api -- token platform --admin</c>.
/// </summary>
public sealed class PlatformAdmin(Secrets secrets, IConfiguration config)
{
    public const string Claim = "platform_admin";
    static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;a valid, unexpired platform admin token&gt;</c>.</summary>
    public async Task<bool> IsAdminAsync(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var token = authorization["Bearer ".Length..].Trim();
        if (token.Count(c => c == '.') != 2) return false;   // not a JWT (e.g. a module's own admin token)
        var result = await Tokens.ValidateTokenAsync(token, HmacTokens.Parameters(secrets.Get(Schemes.PlatformSigningKey),
            config["Auth:Platform:Issuer"], config["Auth:Platform:Audience"], TimeSpan.FromSeconds(30)));
        return result.IsValid && result.Claims.TryGetValue(Claim, out var v) && v is true or "true";
    }

    public string Mint(TimeSpan lifetime) =>
        JwtSchemeHandler.Mint(secrets.Get(Schemes.PlatformSigningKey), new Dictionary<string, object> { [Claim] = true, ["sub"] = "platform-admin" },
            lifetime, config["Auth:Platform:Issuer"], config["Auth:Platform:Audience"]);
}
