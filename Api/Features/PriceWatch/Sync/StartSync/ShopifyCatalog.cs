using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Api.Features.PriceWatch.Sync.StartSync;

sealed record CatalogVariant(string ProductId, string VariantId, string Title, string? VariantTitle, string? Sku, string? Vendor, string? ProductType, decimal? Price);

/// <summary>
/// The tenant's own catalog. The Shopify Admin typed client is owned by the AdPriority branch; until it is merged this
/// module reads the Admin REST API itself (below) and the interface is where that client plugs in.
/// </summary>
interface IShopifyCatalog
{
    IAsyncEnumerable<IReadOnlyList<CatalogVariant>> ReadAsync(string shop, string accessToken, CancellationToken ct);
}

/// <summary>
/// Admin REST <c>GET /admin/api/{version}/products.json?limit=250</c> with <c>X-Shopify-Access-Token</c>, following the
/// <c>Link: rel="next"</c> cursor. <c>PriceWatch:Shopify:AdminBaseUrl</c> replaces <c>https://{shop}</c> (tests, proxies);
/// <c>PriceWatch:Shopify:ApiVersion</c> defaults to 2024-10.
/// </summary>
sealed partial class ShopifyAdminCatalog(IHttpClientFactory http, IConfiguration config) : IShopifyCatalog
{
    public async IAsyncEnumerable<IReadOnlyList<CatalogVariant>> ReadAsync(string shop, string accessToken,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var client = http.CreateClient(nameof(ShopifyAdminCatalog));
        var baseUrl = config["PriceWatch:Shopify:AdminBaseUrl"] is { Length: > 0 } b ? b.TrimEnd('/') : $"https://{shop}";
        var version = config["PriceWatch:Shopify:ApiVersion"] is { Length: > 0 } v ? v : "2024-10";
        string? url = $"{baseUrl}/admin/api/{version}/products.json?limit=250&fields=id,title,vendor,product_type,variants";
        for (var page = 0; url is not null && page < 1000; page++)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, url);
            req.Headers.TryAddWithoutValidation("X-Shopify-Access-Token", accessToken);
            using var rsp = await client.SendAsync(req, ct);
            if (rsp.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new InvalidOperationException($"Shopify rejected the access token for {shop} ({(int)rsp.StatusCode})");
            if (!rsp.IsSuccessStatusCode) throw new HttpRequestException($"Shopify Admin API answered {(int)rsp.StatusCode} for {shop}");
            using var doc = JsonDocument.Parse(await rsp.Content.ReadAsStringAsync(ct));
            var batch = new List<CatalogVariant>();
            foreach (var p in doc.RootElement.GetProperty("products").EnumerateArray())
            {
                var title = Str(p, "title") ?? "";
                if (!p.TryGetProperty("variants", out var variants)) continue;
                foreach (var vr in variants.EnumerateArray())
                {
                    var vt = Str(vr, "title");
                    batch.Add(new CatalogVariant(Str(p, "id") ?? "", Str(vr, "id") ?? "", title, vt is null or "Default Title" ? null : vt, Str(vr, "sku"),
                        Str(p, "vendor"), Str(p, "product_type"),
                        decimal.TryParse(Str(vr, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null));
                }
            }
            yield return batch;
            url = rsp.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(',', links)) is { Success: true } m ? m.Groups[1].Value : null;
        }
    }

    static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v)
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null } : null;

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")] private static partial Regex NextLink();
}
