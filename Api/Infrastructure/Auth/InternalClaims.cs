using System.Security.Claims;
using Api.Infrastructure.Tenancy;

namespace Api.Infrastructure.Auth;

/// <summary>
/// Claim names the API derives itself and that an incoming token must never supply (issue 17 §1). A validly signed token
/// may carry any claim (Supabase custom access token hooks and user metadata, a misconfigured issuer), and
/// <c>FindFirst</c> returns the first match, so a token's <c>pw_role=owner</c> would win over the database. Every scheme
/// therefore builds its identity from <see cref="FromToken"/>: the token's claims minus every internal name except the
/// ones its configuration trusts from the issuer (the platform scheme's tenant claim, BrandInsights' <c>brand_key</c>),
/// and then adds what it read from the database. A new scheme (Wholesale) names its own claims with its module prefix
/// (<c>wholesale_…</c>), which is covered by <see cref="Prefixes"/>, or adds them to <see cref="Names"/>.
/// </summary>
public static class InternalClaims
{
    /// <summary>Exact names: the tenant, PriceWatch's role and super-admin flag, AdPriority's shop, the key ids, the brand, the .NET role type.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        TenantContext.Claim, "pw_role", "pw_super_admin", "shop", "shopper_api_key_id", "brand_key", "ingest_key_id",
        ClaimTypes.Role, "roles",
    };

    /// <summary>Module prefixes reserved for claims the schemes derive.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["pw_", "ws_", "wholesale_", "shopper_", "adpriority_", "brandinsights_", "platform_"];

    public static bool IsInternal(string type) =>
        Names.Contains(type) || Prefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The token's claims without any internal name, except <paramref name="trusted"/> (names the scheme's configuration trusts).</summary>
    public static IEnumerable<Claim> FromToken(IEnumerable<Claim> tokenClaims, params string[] trusted) =>
        tokenClaims.Where(c => !IsInternal(c.Type) || trusted.Contains(c.Type, StringComparer.Ordinal));
}
