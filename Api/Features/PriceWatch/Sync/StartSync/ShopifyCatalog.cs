using System.Globalization;
using System.Text.Json;
using Api.Infrastructure.Integrations.Shopify;

namespace Api.Features.PriceWatch.Sync.StartSync;

sealed record CatalogVariant(string ProductId, string VariantId, string Title, string? VariantTitle, string? Sku, string? Vendor, string? ProductType, decimal? Price);

/// <summary>The tenant's own catalog, page by page (one list of variants per Admin API page).</summary>
interface IShopifyCatalog
{
    IAsyncEnumerable<IReadOnlyList<CatalogVariant>> ReadAsync(string shop, string accessToken, CancellationToken ct);
}

/// <summary>
/// Reads products through the shared Shopify Admin client (<see cref="ShopifyClient.GetProductsAsync"/>: REST 2024-10,
/// 250 per page, <c>Link: rel="next"</c> cursor, 429/5xx retries and the call-limit bucket respected). Its base URL is the
/// shared <c>Integrations:Shopify:BaseUrl</c> (default <c>https://{shop}</c>). A rejected token (401/403) fails the sync
/// with a message naming the shop.
/// </summary>
sealed class ShopifyAdminCatalog(ShopifyClient shopify) : IShopifyCatalog
{
    public async IAsyncEnumerable<IReadOnlyList<CatalogVariant>> ReadAsync(string shop, string accessToken,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? pageInfo = null;
        for (var page = 0; page < 1000; page++)
        {
            ShopifyClient.ProductPage result;
            try { result = await shopify.GetProductsAsync(shop, accessToken, pageInfo, null, ct); }
            catch (ShopifyException e) when (e.Status is 401 or 403)
            { throw new InvalidOperationException($"Shopify rejected the access token for {shop} ({e.Status})"); }
            var batch = new List<CatalogVariant>();
            foreach (var p in result.Products)
            {
                var title = Str(p, "title") ?? "";
                if (!p.TryGetProperty("variants", out var variants) || variants.ValueKind != JsonValueKind.Array) continue;
                foreach (var vr in variants.EnumerateArray())
                {
                    var vt = Str(vr, "title");
                    batch.Add(new CatalogVariant(Str(p, "id") ?? "", Str(vr, "id") ?? "", title, vt is null or "Default Title" ? null : vt, Str(vr, "sku"),
                        Str(p, "vendor"), Str(p, "product_type"),
                        decimal.TryParse(Str(vr, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null));
                }
            }
            yield return batch;
            if (result.NextPageInfo is not { } next) yield break;
            pageInfo = next;
        }
    }

    static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v)
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null } : null;
}
