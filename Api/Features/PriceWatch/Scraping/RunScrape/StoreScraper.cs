using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Api.Infrastructure.Integrations.WebFetch;

namespace Api.Features.PriceWatch.Scraping.RunScrape;

sealed record ScrapedProduct(string ExternalId, string Name, string? VariantTitle, string? Url, string? Sku, string? Vendor,
    string? ProductType, decimal? Price, bool? InStock);

sealed record ScrapeResult(string Platform, List<ScrapedProduct> Products);

/// <summary>
/// Reads a competitor store: Shopify stores through their public <c>/products.json</c> (250 per page, <c>page</c> pagination,
/// one row per variant); other stores through schema.org Product JSON-LD (including ItemList and @graph) or Open Graph
/// product tags on the given page, following product links it lists (same host, at most <see cref="MaxPages"/>).
/// </summary>
sealed class StoreScraper(WebFetcher fetcher)
{
    public const int MaxPages = 50;
    const int MaxShopifyPages = 400;
    static readonly HtmlParser Html = new();

    public async Task<ScrapeResult> ScrapeAsync(Uri store, string? platform, CancellationToken ct)
    {
        if (platform is null or "shopify")
        {
            var first = await fetcher.GetAsync(ProductsJson(store, 1), ct);
            if (IsShopifyPage(first, out var products))
                return new ScrapeResult("shopify", await ShopifyAsync(store, products, ct));
            if (platform == "shopify") throw new ScrapeException($"{store.Host} did not answer /products.json ({(int)first.Status})");
        }
        return new ScrapeResult("generic", await GenericAsync(store, ct));
    }

    static Uri ProductsJson(Uri store, int page) =>
        new(new Uri(store.GetLeftPart(UriPartial.Authority) + store.AbsolutePath.TrimEnd('/') + "/"), $"products.json?limit=250&page={page}");

    static bool IsShopifyPage(FetchResult r, out JsonElement products)
    {
        products = default;
        if (r.Status != HttpStatusCode.OK) return false;
        try
        {
            using var doc = JsonDocument.Parse(r.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("products", out var p) || p.ValueKind != JsonValueKind.Array) return false;
            products = p.Clone();
            return true;
        }
        catch (JsonException) { return false; }
    }

    async Task<List<ScrapedProduct>> ShopifyAsync(Uri store, JsonElement firstPage, CancellationToken ct)
    {
        var result = new List<ScrapedProduct>();
        var page = firstPage;
        for (var n = 1; ; n++)
        {
            var count = 0;
            foreach (var p in page.EnumerateArray())
            {
                count++;
                var title = Str(p, "title") ?? "";
                var handle = Str(p, "handle");
                if (!p.TryGetProperty("variants", out var variants) || variants.ValueKind != JsonValueKind.Array) continue;
                foreach (var v in variants.EnumerateArray())
                {
                    var vt = Str(v, "title");
                    var variantTitle = vt is null or "Default Title" ? null : vt;
                    result.Add(new ScrapedProduct(Str(v, "id") ?? $"{Str(p, "id")}:{vt}", variantTitle is null ? title : $"{title} - {variantTitle}",
                        variantTitle, handle is null ? null : new Uri(store, $"/products/{handle}").ToString(), Str(v, "sku"), Str(p, "vendor"),
                        Str(p, "product_type"), Dec(v, "price"), v.TryGetProperty("available", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False ? a.GetBoolean() : null));
                }
            }
            if (count < 250 || n >= MaxShopifyPages) break;
            var next = await fetcher.GetAsync(ProductsJson(store, n + 1), ct);
            if (!IsShopifyPage(next, out page)) throw new ScrapeException($"page {n + 1} of {store.Host}/products.json answered {(int)next.Status}");
        }
        return result;
    }

    async Task<List<ScrapedProduct>> GenericAsync(Uri store, CancellationToken ct)
    {
        var start = await fetcher.GetAsync(store, ct);
        if (start.Status != HttpStatusCode.OK) throw new ScrapeException($"{store} answered {(int)start.Status}");
        var (products, links) = Parse(start.Body, start.FinalUri);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { start.FinalUri.ToString() };
        foreach (var link in links.Where(l => l.Host == store.Host && seen.Add(l.ToString())).Take(MaxPages))
        {
            var page = await fetcher.GetAsync(link, ct);
            if (page.Status != HttpStatusCode.OK) continue;
            products.AddRange(Parse(page.Body, page.FinalUri).Products);
        }
        if (products.Count == 0) throw new ScrapeException($"no schema.org Product or Open Graph product data found at {store}");
        return products.DistinctBy(p => p.ExternalId).ToList();
    }

    /// <summary>Products described on one page and the product pages it links to.</summary>
    internal static (List<ScrapedProduct> Products, List<Uri> Links) Parse(string html, Uri pageUri)
    {
        var doc = Html.ParseDocument(html);
        var products = new List<ScrapedProduct>();
        var links = new List<Uri>();
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                Walk(json.RootElement, pageUri, products, links);
            }
            catch (JsonException) { }
        }
        if (products.Count == 0)
        {
            string? Meta(string prop) => doc.QuerySelector($"meta[property='{prop}']")?.GetAttribute("content")
                                         ?? doc.QuerySelector($"meta[name='{prop}']")?.GetAttribute("content");
            var ogType = Meta("og:type");
            var price = Meta("product:price:amount") ?? Meta("og:price:amount");
            if ((ogType?.Contains("product", StringComparison.OrdinalIgnoreCase) == true || price is not null) && Meta("og:title") is { } title)
            {
                var url = Meta("og:url") ?? pageUri.ToString();
                products.Add(new ScrapedProduct(Meta("product:retailer_item_id") ?? url, title.Trim(), null, url, Meta("product:retailer_item_id"),
                    Meta("product:brand") ?? Meta("og:site_name"), null, ParseDec(price),
                    Meta("product:availability") is { } av ? av.Contains("in", StringComparison.OrdinalIgnoreCase) && !av.Contains("out", StringComparison.OrdinalIgnoreCase) : null));
            }
        }
        if (products.Count == 0 && links.Count == 0)
            foreach (var a in doc.QuerySelectorAll("a[href]"))
                if (a.GetAttribute("href") is { } href && (href.Contains("/product", StringComparison.OrdinalIgnoreCase) || href.Contains("/p/", StringComparison.Ordinal))
                    && Uri.TryCreate(pageUri, href, out var u) && u.Scheme is "http" or "https")
                    links.Add(new Uri(u.GetLeftPart(UriPartial.Path)));
        return (products, links.Distinct().ToList());
    }

    static void Walk(JsonElement e, Uri page, List<ScrapedProduct> products, List<Uri> links)
    {
        if (e.ValueKind == JsonValueKind.Array) { foreach (var x in e.EnumerateArray()) Walk(x, page, products, links); return; }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("@graph", out var graph)) Walk(graph, page, products, links);
        var types = e.TryGetProperty("@type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [t.GetString() ?? ""] : [];
        if (types.Contains("Product"))
        {
            var name = Str(e, "name");
            if (name is null) return;
            var offers = e.TryGetProperty("offers", out var o) ? o : default;
            var offerList = offers.ValueKind == JsonValueKind.Array ? offers.EnumerateArray().ToList()
                : offers.ValueKind == JsonValueKind.Object && offers.TryGetProperty("offers", out var inner) && inner.ValueKind == JsonValueKind.Array ? inner.EnumerateArray().ToList()
                : offers.ValueKind == JsonValueKind.Object ? [offers] : [];
            var url = Str(e, "url") is { } u && Uri.TryCreate(page, u, out var abs) ? abs.ToString() : page.ToString();
            var brand = e.TryGetProperty("brand", out var b) ? b.ValueKind == JsonValueKind.Object ? Str(b, "name") : b.ValueKind == JsonValueKind.String ? b.GetString() : null : null;
            var sku = Str(e, "sku");
            if (offerList.Count == 0) offerList.Add(default);
            var i = 0;
            foreach (var offer in offerList)
            {
                var price = offer.ValueKind == JsonValueKind.Object ? Dec(offer, "price") ?? Dec(offer, "lowPrice") : null;
                var availability = offer.ValueKind == JsonValueKind.Object ? Str(offer, "availability") : null;
                var offerSku = offer.ValueKind == JsonValueKind.Object ? Str(offer, "sku") : null;
                var id = offerSku ?? sku ?? Str(e, "productID") ?? Str(e, "@id") ?? url;
                products.Add(new ScrapedProduct(offerList.Count > 1 && offerSku is null ? $"{id}#{i}" : id, name.Trim(),
                    offer.ValueKind == JsonValueKind.Object ? Str(offer, "name") : null, url, offerSku ?? sku, brand, Str(e, "category"), price,
                    availability is null ? null : availability.Contains("InStock", StringComparison.OrdinalIgnoreCase)));
                i++;
            }
        }
        if (types.Contains("ItemList") && e.TryGetProperty("itemListElement", out var items) && items.ValueKind == JsonValueKind.Array)
            foreach (var item in items.EnumerateArray())
            {
                var target = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("item", out var it) ? it : item;
                if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty("@type", out var tt) && tt.ValueKind == JsonValueKind.String
                    && tt.GetString() == "Product") Walk(target, page, products, links);
                else if ((target.ValueKind == JsonValueKind.String ? target.GetString() : Str(target, "url")) is { } href && Uri.TryCreate(page, href, out var link))
                    links.Add(link);
            }
    }

    static string? Str(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null } : null;

    static decimal? Dec(JsonElement e, string name) => ParseDec(Str(e, name));

    static decimal? ParseDec(string? s) =>
        decimal.TryParse(s?.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d < 10_000_000 ? Math.Round(d, 2) : null;
}

sealed class ScrapeException(string message) : Exception(message);
