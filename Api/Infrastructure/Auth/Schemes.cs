using Microsoft.AspNetCore.Authentication;

namespace Api.Infrastructure.Auth;

/// <summary>The named schemes, one per documented auth model. Module issues add theirs here.</summary>
public static class Schemes
{
    /// <summary>Platform slices: HS256 bearer JWT with a <c>tenant_id</c> claim (secret <c>Auth:Platform:SigningKey</c>).</summary>
    public const string PlatformJwt = "PlatformJwt";
    public const string PlatformSigningKey = "Auth:Platform:SigningKey";

    public static AuthenticationBuilder AddSlicesSchemes(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<Secrets>();
        services.AddBrandInsightsSchemes(config);
        return services.AddAuthentication()
            .AddScheme<JwtSchemeOptions, JwtSchemeHandler>(PlatformJwt, o =>
            {
                o.SigningKeySetting = PlatformSigningKey;
                o.Issuer = config["Auth:Platform:Issuer"];
                o.Audience = config["Auth:Platform:Audience"];
                o.TenantIsValid = t => Guid.TryParse(t, out _);
            })
            .AddAdPrioritySchemes()
            .AddPriceWatchJwt(config)
            .AddShopperSearchSchemes()
            .AddWholesaleSchemes();
    }
}
