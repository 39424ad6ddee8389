using Api.Infrastructure.Auth;
using FastEndpoints;

namespace Api.Features.ShopperSearch;

/// <summary>ShopperSearch slices under <c>/shopper</c>: the X-Merchant-ID model (plus optional sk_test_/sk_live_ API keys).</summary>
sealed class ShopperSearchGroup : Group
{
    public ShopperSearchGroup() => Configure("", ep =>
    {
        ep.AuthSchemes(ShopperSearchAuth.Scheme);
        ep.Description(b => b.WithTags("ShopperSearch"));
    });
}
