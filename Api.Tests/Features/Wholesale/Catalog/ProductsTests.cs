using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Catalog;

/// <summary>Public catalog: list, search (full text and the trigram typo fallback), filters, paging, by id and by SKU.</summary>
public sealed class ProductsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string U(string p) => WsKit.Unique(p).Replace("_", "");

    [Fact]
    public async Task Lists_a_category_in_name_order_with_the_documented_fields_and_paging()
    {
        var cat = await api.CreateCategoryAsync();
        var b = await api.CreateProductAsync(name: "Beta Napkins", categoryId: cat, unitPrice: 4.5m, bulkPrice: 4m, bulkQuantity: 10);
        var a = await api.CreateProductAsync(name: "Alpha Cups", categoryId: cat);
        var c = await api.CreateProductAsync(name: "Gamma Lids", categoryId: cat);
        var hidden = await api.CreateProductAsync(name: "Delta Hidden", categoryId: cat);
        await api.Exec("update wholesale.products set is_active = false where id = $1", hidden);

        var rsp = await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?category_id={cat}&per_page=2");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(3, (long)body["total"]!);
        Assert.Equal(2, (long)body["pages"]!);
        Assert.Equal(1, (int)body["current_page"]!);
        Assert.Equal(2, (int)body["per_page"]!);
        var ids = body["products"]!.AsArray().Select(p => (long)p!["id"]!).ToList();
        Assert.Equal([a, b], ids);
        var first = body["products"]![1]!.AsObject();
        Assert.Equal(["id", "name", "sku", "brand", "unit_price", "bulk_price", "bulk_quantity", "unit_size", "in_stock"], first.Select(kv => kv.Key));
        Assert.Equal(4.5m, (decimal)first["unit_price"]!);

        var page2 = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?category_id={cat}&per_page=2&page=2")).Json();
        Assert.Equal([c], page2["products"]!.AsArray().Select(p => (long)p!["id"]!));
        var beyond = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?category_id={cat}&per_page=2&page=9")).Json();
        Assert.Empty(beyond["products"]!.AsArray());
        Assert.Equal(3, (long)beyond["total"]!);
    }

    [Fact]
    public async Task Filters_by_category_name_case_insensitively()
    {
        var name = WsKit.Unique("Paper Goods ");
        var cat = await api.CreateCategoryAsync(name);
        var p = await api.CreateProductAsync(categoryId: cat);
        var body = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?category={Uri.EscapeDataString(name.ToUpperInvariant())}")).Json();
        Assert.Equal([p], body["products"]!.AsArray().Select(x => (long)x!["id"]!));
        var none = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?category=no-such-category-x")).Json();
        Assert.Equal(0, (long)none["total"]!);
    }

    [Fact]
    public async Task Searches_full_text_with_stemming_and_falls_back_to_trigrams_for_typos()
    {
        var word = "zq" + U("w").ToLowerInvariant()[..8];   // a word no other product has
        var cat = await api.CreateCategoryAsync();
        var hit = await api.CreateProductAsync(name: $"Roasted {word} Chickens", categoryId: cat);
        await api.CreateProductAsync(name: "Plain Napkins", categoryId: cat);

        var full = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?search={word}+chicken")).Json();
        Assert.Equal([hit], full["products"]!.AsArray().Select(x => (long)x!["id"]!));

        var fuzzy = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?search=chiken&category_id={cat}")).Json();
        Assert.Contains(hit, fuzzy["products"]!.AsArray().Select(x => (long)x!["id"]!));

        var bySku = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?search=no-match-anywhere-qqq")).Json();
        Assert.Equal(0, (long)bySku["total"]!);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("per_page=0")]
    [InlineData("page=abc")]
    [InlineData("category_id=-4")]
    public async Task Bad_paging_is_a_400_in_the_envelope(string query)
    {
        var rsp = await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
    }

    [Fact]
    public async Task Per_page_above_200_is_served_as_200()
    {
        var body = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products?per_page=5000")).Json();
        Assert.Equal(200, (int)body["per_page"]!);
    }

    [Fact]
    public async Task Gets_by_id_and_by_sku_and_hides_inactive_or_deleted()
    {
        var sku = WsKit.Unique("SKU-");
        var id = await api.CreateProductAsync(sku: sku, unitPrice: 12.34m);
        var byId = await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/{id}");
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        var p = (await byId.Json()).AsObject();
        Assert.Equal(["id", "name", "description", "category_id", "sku", "unit_price", "bulk_price", "bulk_quantity", "unit_size", "brand", "image_url", "in_stock"],
            p.Select(kv => kv.Key));
        Assert.Equal(12.34m, (decimal)p["unit_price"]!);

        var bySku = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/sku/{sku.ToLowerInvariant()}")).Json();
        Assert.Equal(id, (long)bySku["id"]!);

        await api.Exec("update wholesale.products set deleted_at = now() where id = $1", id);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/{id}")).StatusCode);
        var gone = await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/sku/{sku}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False((bool)(await gone.Json())["success"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"{WsKit.Base}/api/products/99999999999999999999")).StatusCode);
    }
}
