using Api.Infrastructure.Auth;
using Api.Infrastructure.RateLimiting;
using FastEndpoints;

namespace Api.Features.Platform;

/// <summary>Module-independent slices under <c>/platform</c>: tenant settings and job status. Bearer JWT with a tenant_id claim.</summary>
sealed class PlatformGroup : Group
{
    public PlatformGroup() => Configure("", ep =>
    {
        ep.AuthSchemes(Schemes.PlatformJwt);
        ep.Metadata(new RateLimited(PlatformModule.RateLimitPolicy));
    });
}
