using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.PriceWatch.Scraping;

/// <summary>Competitor stores on 127.0.0.1: a Shopify store per path prefix, generic HTML stores, failing ones.</summary>
public sealed class FakeStores
{
    public string Url { get; }
    /// <summary>store name → products (title, price); prices can change between scrapes.</summary>
    public ConcurrentDictionary<string, List<(string Title, decimal Price)>> Shopify { get; } = new();
    /// <summary>store name → page after which /products.json answers 500.</summary>
    public ConcurrentDictionary<string, int> BreakAfterPage { get; } = new();
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public FakeStores()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/shop/{name}/products.json", (string name, int? page, int? limit) =>
        {
            Hits.AddOrUpdate(name, 1, (_, n) => n + 1);
            if (!Shopify.TryGetValue(name, out var all)) return Results.NotFound();
            var p = page ?? 1;
            if (BreakAfterPage.TryGetValue(name, out var last) && p > last) return Results.StatusCode(500);
            var size = Math.Min(limit ?? 30, 250);
            var items = all.Skip((p - 1) * size).Take(size).Select((x, i) => new
            {
                id = 1000 + (p - 1) * size + i, title = x.Title, handle = $"item-{(p - 1) * size + i}", vendor = "Rival", product_type = "Packaging",
                variants = new[] { new { id = 5000 + (p - 1) * size + i, title = "Default Title", price = x.Price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), sku = $"SKU{i}", available = true } },
            });
            return Results.Json(new { products = items });
        });
        app.MapGet("/html/catalog", () => Results.Content("""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
              {"@type": "ListItem", "position": 1, "url": "/html/product/1"}, {"@type": "ListItem", "position": 2, "url": "/html/product/2"}]}
            </script></head><body>catalog</body></html>
            """, "text/html"));
        app.MapGet("/html/product/{id:int}", (int id) => Results.Content($$$"""
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "Product", "name": "Glass Jar {{{id}}}oz 12-pack", "sku": "GJ{{{id}}}",
              "brand": {"@type": "Brand", "name": "JarCo"}, "offers": {"@type": "Offer", "price": "{{{10 + id}}}.50", "availability": "https://schema.org/InStock"}}]}
            </script></head><body></body></html>
            """, "text/html"));
        app.MapGet("/og/item", () => Results.Content("""
            <html><head><meta property="og:type" content="product"><meta property="og:title" content="Kraft Box 6x9">
            <meta property="product:price:amount" content="3.25"><meta property="product:retailer_item_id" content="KB69"></head><body></body></html>
            """, "text/html"));
        app.MapGet("/broken/{**rest}", (string? rest) =>
        {
            Hits.AddOrUpdate("broken", 1, (_, n) => n + 1);
            return Results.StatusCode(503);
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First();
    }
}
