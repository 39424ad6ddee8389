using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.AdPriority.Products;

/// <summary>GET /api/products and /api/products/{id}: filters, defaults, paging, scores, validation, tenants.</summary>
public sealed class ProductsTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    async Task<(Guid Tenant, string Shop, HttpClient Client)> ShopWithProducts()
    {
        var (id, shop) = await api.InstallAsync();
        await api.ExecAsync(id, $"insert into adpriority.category_rules (tenant_id, product_type_pattern, season, base_priority) values ('{id}', 'jeans-pants', null, 4)");
        await api.AddProductAsync(id, "Alpha Jeans", "Men-Bottoms-Jeans Pants", ["NAME BRAND"], [5, 0], vendor: "Jordan Craig");
        await api.AddProductAsync(id, "Beta Hoodie", "Men-Tops-Hoodies", ["Men"], [3]);
        await api.AddProductAsync(id, "Gamma Draft", "Men-Tops-Hoodies", [], [3], status: "draft");
        await api.AddProductAsync(id, "Delta 100% Cotton_Tee", "Men-Tops-T-Shirts", [], [1, 1, 1]);
        var client = api.ClientFor(shop);
        Assert.Equal(HttpStatusCode.OK, (await client.PostCamel("/adpriority/api/priorities/recalculate", new { })).StatusCode);
        return (id, shop, client);
    }

    [Fact]
    public async Task Lists_active_products_by_title_with_their_priority()
    {
        var (_, _, client) = await ShopWithProducts();
        var body = await (await client.GetAsync("/adpriority/api/products")).Json();
        var products = body["products"]!.AsArray();
        Assert.Equal(["Alpha Jeans", "Beta Hoodie", "Delta 100% Cotton_Tee"], products.Select(p => (string)p!["title"]!));
        var alpha = products[0]!;
        Assert.Equal(2, (int)alpha["variantCount"]!);
        Assert.Equal(4, (int)alpha["priority"]!["score"]!);
        Assert.Equal("Strong", (string?)alpha["priority"]!["label"]);
        Assert.False((bool)alpha["priority"]!["override"]!);
        Assert.Equal("Jordan Craig", (string?)alpha["vendor"]);
        Assert.Equal("NAME BRAND", (string?)alpha["tags"]![0]);
        var page = body["pagination"]!;
        Assert.Equal(1, (int)page["page"]!);
        Assert.Equal(50, (int)page["limit"]!);
        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal(1, (int)page["totalPages"]!);
        Assert.False((bool)page["hasNext"]!);
        Assert.False((bool)page["hasPrev"]!);
    }

    [Fact]
    public async Task Filters_sorts_and_pages()
    {
        var (_, _, client) = await ShopWithProducts();
        async Task<string[]> Titles(string q) => (await (await client.GetAsync("/adpriority/api/products?" + q)).Json())["products"]!.AsArray().Select(p => (string)p!["title"]!).ToArray();
        Assert.Equal(["Alpha Jeans", "Beta Hoodie", "Delta 100% Cotton_Tee", "Gamma Draft"], await Titles("status=all"));
        Assert.Equal(["Gamma Draft"], await Titles("status=draft"));
        Assert.Equal(["Beta Hoodie"], await Titles("productType=Men-Tops-Hoodies"));
        Assert.Equal(["Alpha Jeans"], await Titles("vendor=Jordan%20Craig"));
        Assert.Equal(["Alpha Jeans"], await Titles("priority=4"));
        Assert.Equal(["Beta Hoodie"], await Titles("search=hood"));
        Assert.Equal(["Delta 100% Cotton_Tee"], await Titles("search=100%25"));
        Assert.Empty(await Titles("search=_x"));
        Assert.Equal(["Delta 100% Cotton_Tee", "Beta Hoodie", "Alpha Jeans"], await Titles("sortBy=title&sortOrder=desc"));
        Assert.Equal("Alpha Jeans", (await Titles("sortBy=priority&sortOrder=desc"))[0]);
        var page2 = await (await client.GetAsync("/adpriority/api/products?limit=2&page=2")).Json();
        Assert.Single(page2["products"]!.AsArray());
        Assert.True((bool)page2["pagination"]!["hasPrev"]!);
        Assert.Equal(2, (int)page2["pagination"]!["totalPages"]!);
    }

    [Theory]
    [InlineData("limit=251")]
    [InlineData("limit=0")]
    [InlineData("page=0")]
    [InlineData("status=deleted")]
    [InlineData("priority=7")]
    [InlineData("sortBy=price")]
    [InlineData("sortOrder=up")]
    [InlineData("page=abc")]
    public async Task Bad_query_is_400_VALIDATION_ERROR(string query)
    {
        var (_, shop) = await api.InstallAsync();
        var rsp = await api.ClientFor(shop).GetAsync("/adpriority/api/products?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("VALIDATION_ERROR", (string?)body["error"]!["code"]);
        Assert.NotNull(body["error"]!["details"]!["field"]);
    }

    [Fact]
    public async Task Detail_has_variants_with_labels()
    {
        var (_, _, client) = await ShopWithProducts();
        var list = await (await client.GetAsync("/adpriority/api/products")).Json();
        var id = (string)list["products"]![0]!["id"]!;
        var rsp = await client.GetAsync($"/adpriority/api/products/{id}");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        var variants = body["variants"]!.AsArray();
        Assert.Equal(2, variants.Count);
        var inStock = variants[0]!;
        Assert.Equal("49.99", (string?)inStock["price"]);
        Assert.StartsWith("shopify_US_", (string?)inStock["gmcProductId"]);
        Assert.Equal(4, (int)inStock["priorityScore"]!["priority"]!);
        Assert.Equal("priority-4", (string?)inStock["priorityScore"]!["customLabel0"]);
        Assert.Equal("jeans-pants", (string?)inStock["priorityScore"]!["customLabel2"]);
        Assert.Equal("in-stock", (string?)inStock["priorityScore"]!["customLabel3"]);
        Assert.Equal("name-brand", (string?)inStock["priorityScore"]!["customLabel4"]);
        var dead = variants[1]!;
        Assert.Equal(0, (int)dead["priorityScore"]!["priority"]!);
        Assert.Equal("dead-stock", (string?)dead["priorityScore"]!["customLabel3"]);
        Assert.NotNull(body["createdAt"]);
    }

    [Fact]
    public async Task Other_tenants_products_are_invisible()
    {
        var (_, _, client) = await ShopWithProducts();
        var id = (string)(await (await client.GetAsync("/adpriority/api/products")).Json())["products"]![0]!["id"]!;
        var (_, otherShop) = await api.InstallAsync();
        var other = api.ClientFor(otherShop);
        var rsp = await other.GetAsync($"/adpriority/api/products/{id}");
        Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
        Assert.Equal("NOT_FOUND", await rsp.ErrorCode());
        Assert.Equal(0, (int)(await (await other.GetAsync("/adpriority/api/products?status=all")).Json())["pagination"]!["total"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/adpriority/api/products/not-a-uuid")).StatusCode);   // issue 18: 404, not 400
    }

    [Fact]
    public async Task Requires_a_session()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/adpriority/api/products")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"/adpriority/api/products/{Guid.NewGuid()}")).StatusCode);
    }
}
