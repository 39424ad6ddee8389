using System.Net;
using System.Net.Http.Json;
using System.Text;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Catalog;

/// <summary>The key API (<c>/api/v1/*</c>): scopes, revoked and expired keys, reads by id or SKU, writes and their rules.</summary>
public sealed class KeyApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    async Task<HttpClient> Writer() => api.KeyClient(await api.CreateApiKeyAsync());

    [Fact]
    public async Task Keys_are_checked_missing_revoked_and_expired_are_401_and_a_read_key_cannot_write()
    {
        var id = await api.CreateProductAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"{WsKit.Base}/api/v1/products")).StatusCode);
        var revoked = api.KeyClient(await api.CreateApiKeyAsync(revoked: true));
        var rsp = await revoked.GetAsync($"{WsKit.Base}/api/v1/products");
        Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
        var expired = api.KeyClient(await api.CreateApiKeyAsync(expires: DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync($"{WsKit.Base}/api/v1/products/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.KeyClient("lld_not-a-real-key").GetAsync($"{WsKit.Base}/api/v1/categories")).StatusCode);

        var reader = api.KeyClient(await api.CreateApiKeyAsync(["products:read"]));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{WsKit.Base}/api/v1/products/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsync($"{WsKit.Base}/api/v1/products/{id}", Json("""{"name":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PatchAsync($"{WsKit.Base}/api/v1/products/{id}/price", Json("""{"unit_price":1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PatchAsync($"{WsKit.Base}/api/v1/products/{id}/inventory", Json("""{"in_stock":false}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"{WsKit.Base}/api/v1/products/bulk-update", Json("""{"products":[{"id":1}]}"""))).StatusCode);
        var voiceOnly = api.KeyClient(await api.CreateApiKeyAsync(["voice"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await voiceOnly.GetAsync($"{WsKit.Base}/api/v1/products")).StatusCode);
    }

    [Fact]
    public async Task Health_is_public()
    {
        var body = await (await api.CreateClient().GetAsync($"{WsKit.Base}/api/v1/health")).Json();
        Assert.Equal("healthy", (string)body["status"]!);
        Assert.NotNull(body["service"]);
        Assert.NotNull(body["version"]);
    }

    [Fact]
    public async Task Lists_with_filters_and_categories()
    {
        var cat = await api.CreateCategoryAsync();
        var a = await api.CreateProductAsync(categoryId: cat);
        var b = await api.CreateProductAsync(categoryId: cat, stock: 0);
        var inactive = await api.CreateProductAsync(categoryId: cat);
        await api.Exec("update wholesale.products set is_active = false where id = $1", inactive);
        var key = api.KeyClient(await api.CreateApiKeyAsync(["products:read"]));

        var all = await (await key.GetAsync($"{WsKit.Base}/api/v1/products?category_id={cat}")).Json();
        Assert.Equal(3, (long)all["total"]!);
        Assert.Equal(1, (int)all["page"]!);
        Assert.Equal(50, (int)all["per_page"]!);
        Assert.Equal(1, (long)all["pages"]!);
        Assert.Equal([a, b, inactive], all["products"]!.AsArray().Select(p => (long)p!["id"]!));
        Assert.Null(all["products"]![0]!["cost"]);

        var outOfStock = await (await key.GetAsync($"{WsKit.Base}/api/v1/products?category_id={cat}&in_stock=false")).Json();
        Assert.Equal([b], outOfStock["products"]!.AsArray().Select(p => (long)p!["id"]!));
        Assert.Equal(HttpStatusCode.BadRequest, (await key.GetAsync($"{WsKit.Base}/api/v1/products?in_stock=maybe")).StatusCode);

        var cats = await (await key.GetAsync($"{WsKit.Base}/api/v1/categories")).Json();
        var mine = cats["categories"]!.AsArray().Single(c => (long)c!["id"]! == cat)!;
        Assert.Equal(3, (long)mine["product_count"]!);
    }

    [Fact]
    public async Task Digits_are_an_id_first_then_a_sku()
    {
        var other = await api.CreateProductAsync();
        var skuLooksLikeId = other.ToString();   // a product whose SKU is another product's id
        var bySku = await api.CreateProductAsync(sku: "9" + WsKit.Unique("").Replace("_", "")[..6].Select(c => (char)('0' + c % 10)).Aggregate("", (s, c) => s + c));
        var numericSku = await api.Scalar<string>("select sku from wholesale.products where id = $1", bySku);
        await api.CreateProductAsync(sku: skuLooksLikeId + "X");
        var key = api.KeyClient(await api.CreateApiKeyAsync(["products:read"]));

        var byId = await (await key.GetAsync($"{WsKit.Base}/api/v1/products/{other}")).Json();
        Assert.Equal(other, (long)byId["product"]!["id"]!);
        var skuHit = await (await key.GetAsync($"{WsKit.Base}/api/v1/products/{numericSku}")).Json();
        Assert.Equal(bySku, (long)skuHit["product"]!["id"]!);
        var miss = await key.GetAsync($"{WsKit.Base}/api/v1/products/NOPE-{Guid.NewGuid():N}"[..60]);
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        Assert.Equal("Product not found", (string)(await miss.Json())["error"]!);
    }

    [Fact]
    public async Task Put_changes_only_the_fields_sent_and_null_clears_optional_ones()
    {
        var cat = await api.CreateCategoryAsync();
        var sku = WsKit.Unique("SKU-");
        var id = await api.CreateProductAsync(sku: sku, unitPrice: 10m, bulkPrice: 9m, bulkQuantity: 5);
        var key = await Writer();
        var rsp = await key.PutAsync($"{WsKit.Base}/api/v1/products/{sku}", Json($$"""{"name":"Renamed Tongs","bulk_price":null,"category_id":{{cat}}}"""));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var p = (await rsp.Json())["product"]!;
        Assert.Equal("Renamed Tongs", (string)p["name"]!);
        Assert.Null(p["bulk_price"]);
        Assert.Equal(5, (int)p["bulk_quantity"]!);
        Assert.Equal(10m, (decimal)p["unit_price"]!);
        Assert.Equal(cat, (long)p["category_id"]!);
        Assert.Equal(sku, (string)p["sku"]!);
        Assert.Equal("TestBrand", (string)p["brand"]!);
    }

    [Theory]
    [InlineData("""{"unit_price": 1.234}""", "unit_price")]
    [InlineData("""{"bulk_price": -1}""", "bulk_price")]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"unit_price": null}""", "unit_price")]
    [InlineData("""{"sku": "has space"}""", "sku")]
    [InlineData("""{"image_url": "javascript:alert(1)"}""", "image_url")]
    [InlineData("""{"category_id": 999999999}""", "category_id")]
    [InlineData("""{}""", "body")]
    public async Task Bad_fields_are_400_with_details(string body, string field)
    {
        var id = await api.CreateProductAsync();
        var rsp = await (await Writer()).PutAsync($"{WsKit.Base}/api/v1/products/{id}", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var json = await rsp.Json();
        Assert.False((bool)json["success"]!);
        Assert.NotNull(json["details"]![field]);
    }

    [Fact]
    public async Task Sku_is_unique_among_live_products()
    {
        var taken = WsKit.Unique("SKU-");
        await api.CreateProductAsync(sku: taken);
        var id = await api.CreateProductAsync();
        var key = await Writer();
        var rsp = await key.PutAsync($"{WsKit.Base}/api/v1/products/{id}", Json($$"""{"sku":"{{taken.ToLowerInvariant()}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);

        var deletedSku = WsKit.Unique("SKU-");
        var gone = await api.CreateProductAsync(sku: deletedSku);
        await api.Exec("update wholesale.products set deleted_at = now() where id = $1", gone);
        Assert.Equal(HttpStatusCode.OK, (await key.PutAsync($"{WsKit.Base}/api/v1/products/{id}", Json($$"""{"sku":"{{deletedSku}}"}"""))).StatusCode);
    }

    [Fact]
    public async Task Price_patch_sets_prices_and_enforces_two_decimals()
    {
        var id = await api.CreateProductAsync(unitPrice: 10m);
        var key = await Writer();
        var rsp = await key.PatchAsync($"{WsKit.Base}/api/v1/products/{id}/price", Json("""{"unit_price": 12.5, "bulk_price": 11.25, "bulk_quantity": 12}"""));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(12.5m, (decimal)body["product"]!["unit_price"]!);
        Assert.Equal(11.25m, (decimal)body["product"]!["bulk_price"]!);
        Assert.Equal(12, (int)body["product"]!["bulk_quantity"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{id}/price", Json("""{"unit_price": 0.001}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{id}/price", Json("""{"bulk_price": 1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{id}/price", Json("""{"unit_price": "abc"}"""))).StatusCode);
        Assert.Equal(12.5m, await api.Scalar<decimal>("select unit_price from wholesale.products where id = $1", id));
    }

    [Fact]
    public async Task Inventory_on_untracked_products_sets_in_stock_and_on_tracked_ones_goes_through_the_ledger()
    {
        var key = await Writer();
        var untracked = await api.CreateProductAsync();
        var r1 = await (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{untracked}/inventory", Json("""{"in_stock": false}"""))).Json();
        Assert.False((bool)r1["product"]!["in_stock"]!);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1", untracked));

        var tracked = await api.CreateProductAsync(stock: 7);
        var r2 = await (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{tracked}/inventory", Json("""{"in_stock": false}"""))).Json();
        Assert.False((bool)r2["product"]!["in_stock"]!);
        Assert.Equal(0, (int)r2["product"]!["stock_quantity"]!);
        Assert.Equal(-7, await api.Scalar<int>("select delta from wholesale.inventory_ledger where product_id = $1", tracked));
        Assert.Equal("api_key", await api.Scalar<string>("select actor_kind from wholesale.inventory_ledger where product_id = $1", tracked));
        Assert.NotNull(await api.Scalar<long?>("select actor_id from wholesale.inventory_ledger where product_id = $1", tracked));

        var conflict = await key.PatchAsync($"{WsKit.Base}/api/v1/products/{tracked}/inventory", Json("""{"in_stock": true}"""));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);

        var r3 = await (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{tracked}/inventory", Json("""{"stock_quantity": 20, "note": "truck arrived"}"""))).Json();
        Assert.True((bool)r3["product"]!["in_stock"]!);
        Assert.Equal(20, (int)r3["product"]!["stock_quantity"]!);
        Assert.Equal("truck arrived", await api.Scalar<string>("select note from wholesale.inventory_ledger where product_id = $1 order by id desc limit 1", tracked));
        Assert.Equal(20, await api.Scalar<int>("select balance_after from wholesale.inventory_ledger where product_id = $1 order by id desc limit 1", tracked));

        Assert.Equal(HttpStatusCode.BadRequest, (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{tracked}/inventory", Json("""{}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PatchAsync($"{WsKit.Base}/api/v1/products/{tracked}/inventory", Json("""{"in_stock": false, "stock_quantity": 3}"""))).StatusCode);
    }

    [Fact]
    public async Task Bulk_update_applies_each_item_on_its_own()
    {
        var a = await api.CreateProductAsync(unitPrice: 1m);
        var bSku = WsKit.Unique("SKU-");
        var b = await api.CreateProductAsync(sku: bSku, unitPrice: 2m);
        var c = await api.CreateProductAsync(unitPrice: 3m, stock: 4);
        var body = $$"""
            {"products": [
              {"id": {{a}}, "unit_price": 1.5, "name": "Bulk A"},
              {"sku": "{{bSku.ToLowerInvariant()}}", "in_stock": false},
              {"id": {{c}}, "unit_price": 9.999},
              {"sku": "NO-SUCH-{{Guid.NewGuid():N}}", "unit_price": 1},
              {"id": {{c}}, "in_stock": true, "stock_quantity": 0},
              {"id": {{c}}},
              {"unit_price": 5},
              {"id": {{c}}, "in_stock": false}
            ]}
            """;
        var rsp = await (await Writer()).PostAsync($"{WsKit.Base}/api/v1/products/bulk-update", Json(body));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var r = await rsp.Json();
        Assert.False((bool)r["success"]!);
        Assert.Equal(3, (int)r["updated_count"]!);
        Assert.Equal(1, (int)r["skipped_count"]!);
        Assert.Equal(4, (int)r["error_count"]!);
        Assert.Equal([0, 1, 7], r["updated"]!.AsArray().Select(x => (int)x!["index"]!));
        Assert.Equal([2, 3, 4, 6], r["errors"]!.AsArray().Select(x => (int)x!["index"]!));
        Assert.NotNull(r["errors"]![0]!["details"]!["unit_price"]);
        Assert.Equal(5, (int)r["skipped"]![0]!["index"]!);

        Assert.Equal(1.5m, await api.Scalar<decimal>("select unit_price from wholesale.products where id = $1", a));
        Assert.False(await api.Scalar<bool>("select in_stock from wholesale.products where id = $1", b));
        Assert.Equal(3m, await api.Scalar<decimal>("select unit_price from wholesale.products where id = $1", c));
        Assert.Equal(0, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", c));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1", c));
    }

    [Fact]
    public async Task Bulk_update_takes_at_most_1000_items()
    {
        var key = await Writer();
        var items = string.Join(",", Enumerable.Range(0, 1001).Select(_ => """{"id":1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PostAsync($"{WsKit.Base}/api/v1/products/bulk-update", Json($$"""{"products":[{{items}}]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PostAsync($"{WsKit.Base}/api/v1/products/bulk-update", Json("""{"products":[]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await key.PostAsync($"{WsKit.Base}/api/v1/products/bulk-update", Json("""{}"""))).StatusCode);
    }
}
