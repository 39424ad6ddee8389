using Api.Infrastructure.Auth;
using Api.Infrastructure.RateLimiting;
using FastEndpoints;

namespace Api.Features.Wholesale;

/// <summary>
/// Every Wholesale slice joins this group (the OpenAPI tag) and then states who may call it with one of the
/// <see cref="WholesaleAccess"/> extensions in its <c>Configure()</c>, since the document mixes five auth labels in one section.
/// </summary>
sealed class WholesaleGroup : Group
{
    public WholesaleGroup() => Configure("", ep =>
    {
        ep.Description(b => b.WithTags("Wholesale"));
    });
}

static class WholesaleAccess
{
    /// <summary>"Public": no sign-in. A slice that behaves differently for a signed-in customer reads <see cref="Common.Caller"/>.</summary>
    public static void Public(this BaseEndpoint ep) => ep.Definition.AllowAnonymous();

    /// <summary>"Session": a signed-in customer (the <c>session</c> cookie).</summary>
    public static void CustomerSession(this BaseEndpoint ep)
    {
        ep.Definition.AuthSchemes(WholesaleAuth.Customer);
        ep.Definition.Policies(WholesaleAuth.CustomerPolicy);
    }

    /// <summary>"Staff": any active staff role (admin, manager, staff, sales_rep).</summary>
    public static void Staff(this BaseEndpoint ep)
    {
        ep.Definition.AuthSchemes(WholesaleAuth.Staff);
        ep.Definition.Policies(WholesaleAuth.StaffPolicy);
    }

    /// <summary>"Staff + Admin": admin or manager.</summary>
    public static void StaffAdmin(this BaseEndpoint ep)
    {
        ep.Definition.AuthSchemes(WholesaleAuth.Staff);
        ep.Definition.Policies(WholesaleAuth.StaffAdminPolicy);
    }

    /// <summary>"API Key" with one scope.</summary>
    public static void ApiKey(this BaseEndpoint ep, string scope)
    {
        ep.Definition.AuthSchemes(WholesaleAuth.ApiKey);
        ep.Definition.Policies(WholesaleAuth.KeyPolicy(scope));
    }

    /// <summary>"Staff or API Key".</summary>
    public static void StaffOrApiKey(this BaseEndpoint ep, string scope)
    {
        ep.Definition.AuthSchemes(WholesaleAuth.Staff, WholesaleAuth.ApiKey);
        ep.Definition.Policies(WholesaleAuth.StaffOrKeyPolicy(scope));
    }

    /// <summary>A customer session, a staff token or a key; the handler decides what each may do.</summary>
    public static void AnyCaller(this BaseEndpoint ep)
    {
        ep.Definition.AuthSchemes(WholesaleAuth.Customer, WholesaleAuth.Staff, WholesaleAuth.ApiKey);
        ep.Definition.Policies(WholesaleAuth.AnyCallerPolicy);
    }

    /// <summary>Attaches one of <see cref="WholesaleModule"/>'s rate-limit policies.</summary>
    public static void RateLimit(this BaseEndpoint ep, string policy) => ep.Definition.Metadata(new RateLimited(policy));
}
