using Api.Infrastructure.Auth;
using Api.Infrastructure.RateLimiting;
using FastEndpoints;

namespace Api.Features.AdPriority;

/// <summary>AdPriority slices: Shopify App Bridge session tokens and the 100/min general limit unless a slice says otherwise.</summary>
sealed class AdPriorityGroup : Group
{
    public AdPriorityGroup() => Configure("", ep =>
    {
        ep.AuthSchemes(AdPriorityAuth.Session);
    });
}

static class AdPriorityEndpoints
{
    /// <summary>Attaches one of the module's rate-limit policies (<see cref="AdPriorityModule"/>).</summary>
    public static void RateLimit(this BaseEndpoint ep, string policy) => ep.Definition.Metadata(new RateLimited(policy));
}
