using System.Globalization;

namespace Api.Features.AdPriority;

/// <summary>Merchant Center ids of Shopify variants: <c>shopify_{country}_{productId}_{variantId}</c> (the Google channel's format).</summary>
public static class Gmc
{
    public const string Country = "US";

    public static string ProductId(long shopifyProductId, long shopifyVariantId) =>
        string.Create(CultureInfo.InvariantCulture, $"shopify_{Country}_{shopifyProductId}_{shopifyVariantId}");
}
