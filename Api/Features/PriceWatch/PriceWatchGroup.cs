using Api.Infrastructure.Auth;
using Api.Infrastructure.RateLimiting;
using FastEndpoints;

namespace Api.Features.PriceWatch;

/// <summary>Tenant slices: a Supabase JWT whose user belongs to a workspace (tenant), rate-limited per tenant.</summary>
sealed class PriceWatchGroup : Group
{
    public PriceWatchGroup() => Configure("", ep =>
    {
        ep.AuthSchemes(PriceWatchAuth.Scheme);
        ep.Policies(PriceWatchAuth.MemberPolicy);
        ep.Metadata(new RateLimited(PriceWatchModule.RateLimitPolicy));
    });
}

/// <summary>Slices any signed-in user reaches, with or without a workspace (who am I, accept an invitation, create a workspace).</summary>
sealed class PriceWatchSignedInGroup : Group
{
    public PriceWatchSignedInGroup() => Configure("", ep =>
    {
        ep.AuthSchemes(PriceWatchAuth.Scheme);
        ep.Metadata(new RateLimited(PriceWatchModule.RateLimitPolicy));
    });
}

/// <summary><c>/api/admin/*</c>: users listed in <c>super_admins</c> only; they read across tenants.</summary>
sealed class PriceWatchAdminGroup : Group
{
    public PriceWatchAdminGroup() => Configure("", ep =>
    {
        ep.AuthSchemes(PriceWatchAuth.Scheme);
        ep.Policies(PriceWatchAuth.SuperAdminPolicy);
        ep.Metadata(new RateLimited(PriceWatchModule.RateLimitPolicy));
    });
}
