using Api.Infrastructure.Auth;
using FastEndpoints;

namespace Api.Features.BrandInsights;

/// <summary>The brand dashboard (document 004) under <c>/brand-insights</c>: bearer JWT with a <c>brand_key</c> claim.</summary>
sealed class BrandInsightsGroup : Group
{
    public BrandInsightsGroup() => Configure("", ep =>
    {
        ep.AuthSchemes(BrandInsightsAuth.JwtScheme);
        ep.Description(b => b.WithTags("BrandInsights"));
    });
}
