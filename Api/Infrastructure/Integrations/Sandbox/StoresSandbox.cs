using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Api.Infrastructure.Integrations.Sandbox;

/// <summary>
/// Competitor storefronts for PriceWatch, locally (<see cref="Prefix"/>):
/// <list type="bullet">
/// <item><c>/shop/{name}/products.json?page=&amp;limit=</c>: a Shopify storefront. Stores put in <see cref="Shopify"/> serve exactly
/// those products; any other name serves a demo catalog of packaging supplies whose prices move.</item>
/// <item><c>/ld/{name}/catalog</c> and <c>/ld/{name}/product/{n}</c>: a generic store with schema.org JSON-LD (an ItemList, then
/// Product + Offer pages), the same moving demo catalog.</item>
/// <item>Fixed pages for tests: <c>/html/catalog</c>, <c>/html/product/{n}</c>, <c>/og/item</c> (Open Graph) and <c>/broken/…</c> (503).</item>
/// </list>
/// Moving prices: every time a demo store's catalog is read from its first page, the store's price list advances one step
/// (<see cref="Step"/>). Step 0 is the list price; from step 1 on, a quarter of the products are 12 % cheaper and a quarter 8 % dearer
/// than list, a different quarter each step, so the first scrape records prices and every later one changes some by more than 5 %.
/// </summary>
public sealed class StoresSandbox
{
    public const string Prefix = "/stores";
    /// <summary>Store name → exact products (title, price); prices can be changed between scrapes.</summary>
    public ConcurrentDictionary<string, List<(string Title, decimal Price)>> Shopify { get; } = new();
    /// <summary>Store name → page after which /products.json answers 500.</summary>
    public ConcurrentDictionary<string, int> BreakAfterPage { get; } = new();
    public ConcurrentDictionary<string, int> Hits { get; } = new();
    readonly ConcurrentDictionary<string, int> _steps = new();

    public int Step(string store) => _steps.GetValueOrDefault(store);

    static readonly string[] Items = ["Kraft Mylar Bag", "Glass Mason Jar", "Clear Deli Container", "Corrugated Mailer Box", "Amber Dropper Bottle",
        "Stand-Up Pouch", "Tin Candle Jar", "Poly Mailer", "Bubble Mailer", "Paper Shopping Bag"];
    static readonly string[] Sizes = ["4x6", "8oz", "16oz", "6x9", "2oz"];
    static readonly int[] Packs = [12, 24, 50, 100];

    /// <summary>The demo catalog of a store at a step: 20 products, deterministic from the store name.</summary>
    public static List<(string Title, decimal Price, string Sku)> Demo(string store, int step)
    {
        var seed = (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(store))) % 97);
        return Enumerable.Range(0, 20).Select(i =>
        {
            var (item, size, pack) = (Items[(i + seed) % Items.Length], Sizes[(i * 3 + seed) % Sizes.Length], Packs[(i + seed / 7) % Packs.Length]);
            var list = Math.Round(3m + ((i * 37 + seed * 11) % 400) / 10m + pack * 0.15m, 2);
            var factor = step == 0 ? 1m : ((i + step) % 4) switch { 0 => 0.88m, 2 => 1.08m, _ => 1m };
            return ($"{item} {size} {pack}-pack", Math.Round(list * factor, 2), $"{store[..Math.Min(3, store.Length)].ToUpperInvariant()}-{i:000}");
        }).ToList();
    }

    static bool Slug(string s) => s.Length is > 0 and <= 64 && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    public void Map(IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup(Prefix);
        g.MapGet("/shop/{name}/products.json", (string name, int? page, int? limit) =>
        {
            Hits.AddOrUpdate(name, 1, (_, n) => n + 1);
            var p = Math.Max(page ?? 1, 1);
            if (BreakAfterPage.TryGetValue(name, out var last) && p > last) return Results.StatusCode(500);
            List<(string Title, decimal Price, string Sku)> all;
            if (Shopify.TryGetValue(name, out var exact)) all = exact.Select((x, i) => (x.Title, x.Price, $"SKU{i}")).ToList();
            else all = Demo(name, p == 1 ? _steps.AddOrUpdate(name, 0, (_, s) => s + 1) : Step(name));
            var size = Math.Clamp(limit ?? 30, 1, 250);
            var items = all.Skip((p - 1) * size).Take(size).Select((x, i) => new
            {
                id = 1000 + (p - 1) * size + i, title = x.Title, handle = $"item-{(p - 1) * size + i}", vendor = "Rival", product_type = "Packaging",
                variants = new[] { new { id = 5000 + (p - 1) * size + i, title = "Default Title", price = Money(x.Price), sku = x.Sku, available = true } },
            });
            return Results.Json(new { products = items });
        });
        g.MapGet("/ld/{name}/catalog", (string name) =>
        {
            if (!Slug(name)) return Results.NotFound();
            Hits.AddOrUpdate(name, 1, (_, n) => n + 1);
            var count = Demo(name, _steps.AddOrUpdate(name, 0, (_, s) => s + 1)).Count;
            var items = string.Join(", ", Enumerable.Range(1, count).Select(i => $$"""{"@type": "ListItem", "position": {{i}}, "url": "{{Prefix}}/ld/{{name}}/product/{{i}}"}"""));
            return Results.Content($$"""
                <html><head><title>{{name}} catalog</title><script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [{{items}}]}
                </script></head><body>catalog</body></html>
                """, "text/html");
        });
        g.MapGet("/ld/{name}/product/{n:int}", (string name, int n) =>
        {
            var all = Demo(name, Step(name));
            if (!Slug(name) || n < 1 || n > all.Count) return Results.NotFound();
            var (title, price, sku) = all[n - 1];
            return Results.Content($$$"""
                <html><head><script type="application/ld+json">
                {"@context": "https://schema.org", "@type": "Product", "name": "{{{title}}}", "sku": "{{{sku}}}",
                 "brand": {"@type": "Brand", "name": "{{{name}}}"}, "offers": {"@type": "Offer", "price": "{{{Money(price)}}}", "priceCurrency": "USD", "availability": "https://schema.org/InStock"}}
                </script></head><body>{{{title}}}</body></html>
                """, "text/html");
        });
        g.MapGet("/html/catalog", () => Results.Content($$"""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
              {"@type": "ListItem", "position": 1, "url": "{{Prefix}}/html/product/1"}, {"@type": "ListItem", "position": 2, "url": "{{Prefix}}/html/product/2"}]}
            </script></head><body>catalog</body></html>
            """, "text/html"));
        g.MapGet("/html/product/{id:int}", (int id) => Results.Content($$$"""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "Product", "name": "Glass Jar {{{id}}}oz 12-pack", "sku": "GJ{{{id}}}",
              "brand": {"@type": "Brand", "name": "JarCo"}, "offers": {"@type": "Offer", "price": "{{{10 + id}}}.50", "availability": "https://schema.org/InStock"}}]}
            </script></head><body></body></html>
            """, "text/html"));
        g.MapGet("/og/item", () => Results.Content("""
            <html><head><meta property="og:type" content="product"><meta property="og:title" content="Kraft Box 6x9">
            <meta property="product:price:amount" content="3.25"><meta property="product:retailer_item_id" content="KB69"></head><body></body></html>
            """, "text/html"));
        g.MapGet("/broken/{**rest}", (string? rest) =>
        {
            Hits.AddOrUpdate("broken", 1, (_, n) => n + 1);
            return Results.StatusCode(503);
        });
    }
}
