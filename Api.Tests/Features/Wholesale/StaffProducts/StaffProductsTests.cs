using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Tests.Infrastructure;
using SkiaSharp;

namespace Api.Tests.Features.Wholesale.StaffProducts;

/// <summary>
/// <c>/api/staff/products*</c>, <c>/api/staff/inventory*</c>, <c>/api/staff/categories</c>: role rules route by route, SKU
/// conflicts, soft delete, bulk-save's per-product results, the ledger, and the image gallery (real images through SkiaSharp).
/// </summary>
public sealed class StaffProductsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string B = WsKit.Base + "/api/staff";
    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    static byte[] Png(int w, int h, SKColor color)
    {
        using var bmp = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bmp)) { canvas.Clear(SKColors.White); using var paint = new SKPaint { Color = color }; canvas.DrawRect(w / 4f, h / 4f, w / 2f, h / 2f, paint); }
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    static MultipartFormDataContent Form(byte[] bytes, string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "image", "photo.png" } };
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("manager", true)]
    [InlineData("staff", false)]
    [InlineData("sales_rep", false)]
    public async Task Create_update_delete_need_admin_or_manager_while_reads_and_images_take_any_staff(string role, bool manages)
    {
        var client = await api.StaffClientAsync(role);
        var cat = await api.CreateCategoryAsync();
        var id = await api.CreateProductAsync(categoryId: cat);
        var create = await client.PostAsync($"{B}/products", Json($$"""{"name":"Cups","sku":"{{WsKit.Unique("S-")}}","unit_price":3.5,"category_id":{{cat}}}"""));
        Assert.Equal(manages ? HttpStatusCode.Created : HttpStatusCode.Forbidden, create.StatusCode);
        if (!manages) Assert.False((bool)(await create.Json())["success"]!);
        Assert.Equal(manages ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.PutAsync($"{B}/products/{id}", Json("""{"unit_price":4}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{B}/products?category_id={cat}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{B}/inventory")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{B}/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"{B}/inventory/{id}", Json("""{"unit_price":5}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{B}/products/bulk-save", Json($$"""{"products":[{"id":{{id}},"brand":"B"}]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{B}/products/{id}/images")).StatusCode);
        Assert.Equal(manages ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.DeleteAsync($"{B}/products/{id}")).StatusCode);
    }

    [Fact]
    public async Task Customers_keys_and_anonymous_callers_are_401()
    {
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        foreach (var c in new[] { customer, key, api.CreateClient() })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync($"{B}/products")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostAsync($"{B}/products", Json("{}"))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync($"{B}/inventory")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostAsync($"{B}/categories", Json("""{"name":"x"}"""))).StatusCode);
        }
    }

    [Fact]
    public async Task Create_returns_the_staff_product_with_shipping_fields_and_records_initial_stock()
    {
        var manager = await api.CreateStaffAsync("manager");
        var client = await api.StaffClientAsync(manager);
        var cat = await api.CreateCategoryAsync();
        var sku = WsKit.Unique("S-");
        var rsp = await client.PostAsync($"{B}/products", Json($$"""
            {"name":" Deli Containers ","sku":"{{sku}}","unit_price":24.99,"category_id":{{cat}},"description":"16 oz",
             "bulk_price":22.5,"bulk_quantity":10,"unit_size":"240 ct","brand":"Pactiv","stock_quantity":12,"cost_per_item":15.25,
             "ship_weight_oz":1.01,"ship_box_name":"Medium","ship_box_length":12,"ship_box_width":10.5,"ship_box_height":8,
             "is_customizable":true}
            """));
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        var p = body["product"]!;
        Assert.Equal("Deli Containers", (string)p["name"]!);
        Assert.Equal(15.25m, (decimal)p["cost_per_item"]!);
        Assert.Equal(1.01m, (decimal)p["ship_weight_oz"]!);
        Assert.Equal("Medium", (string)p["ship_box_name"]!);
        Assert.Equal(10.5m, (decimal)p["ship_box_width"]!);
        Assert.True((bool)p["is_customizable"]!);
        Assert.True((bool)p["in_stock"]!);
        Assert.Equal(12, (int)p["stock_quantity"]!);
        var id = (long)p["id"]!;
        Assert.Equal(manager.Id, await api.Scalar<long>("select actor_id from wholesale.inventory_ledger where product_id = $1 and reason = 'tracking_started'", id));

        // the same SKU (any case) again: 409; missing required fields and bad numbers: 400 per field
        var dup = await client.PostAsync($"{B}/products", Json($$"""{"name":"X","sku":"{{sku.ToLowerInvariant()}}","unit_price":1,"category_id":{{cat}}}"""));
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        Assert.False((bool)(await dup.Json())["success"]!);
        var bad = await client.PostAsync($"{B}/products", Json("""{"name":"X","unit_price":1.234,"ship_weight_oz":-1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await bad.Json())["details"]!.ToJsonString();
        foreach (var f in new[] { "sku", "category_id", "unit_price", "ship_weight_oz" }) Assert.Contains(f, details);
        var noCat = await client.PostAsync($"{B}/products", Json($$"""{"name":"X","sku":"{{WsKit.Unique("S-")}}","unit_price":1,"category_id":999999999}"""));
        Assert.Equal(HttpStatusCode.BadRequest, noCat.StatusCode);
    }

    [Fact]
    public async Task Update_is_partial_keeps_sku_unique_and_delete_is_soft_freeing_the_sku()
    {
        var client = await api.StaffClientAsync("admin");
        var a = await api.CreateProductAsync(sku: WsKit.Unique("A-"));
        var bSku = WsKit.Unique("B-");
        var b = await api.CreateProductAsync(sku: bSku);
        var rsp = await client.PutAsync($"{B}/products/{a}", Json("""{"brand":"Acme","ship_box_name":"Small","description":null}"""));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var p = (await rsp.Json())["product"]!;
        Assert.Equal("Acme", (string)p["brand"]!);
        Assert.Equal(10m, (decimal)p["unit_price"]!);   // untouched
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsync($"{B}/products/{a}", Json($$"""{"sku":"{{bSku}}"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"{B}/products/{a}", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"{B}/products/{a}", Json("""{"name":null}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"{B}/products/999999999", Json("""{"brand":"x"}"""))).StatusCode);

        var del = await client.DeleteAsync($"{B}/products/{b}");
        Assert.Equal(HttpStatusCode.OK, del.StatusCode);
        var delBody = await del.Json();
        Assert.True((bool)delBody["success"]!);
        Assert.Contains(bSku, (string)delBody["message"]!);
        Assert.True(await api.Scalar<bool>("select deleted_at is not null from wholesale.products where id = $1", b));
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{B}/products/{b}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"{B}/products/{a}", Json($$"""{"sku":"{{bSku}}"}"""))).StatusCode);   // reusable
    }

    [Fact]
    public async Task List_shows_inactive_products_filters_by_category_and_searches()
    {
        var client = await api.StaffClientAsync("staff");
        var cat = await api.CreateCategoryAsync();
        var word = WsKit.Unique("zq");
        var a = await api.CreateProductAsync(categoryId: cat, name: $"Alpha {word}");
        var b = await api.CreateProductAsync(categoryId: cat, name: "Beta napkins");
        await api.Exec("update wholesale.products set is_active = false where id = $1", b);
        var deleted = await api.CreateProductAsync(categoryId: cat);
        await api.Exec("update wholesale.products set deleted_at = now() where id = $1", deleted);

        var page = await (await client.GetAsync($"{B}/products?category_id={cat}&per_page=1")).Json();
        Assert.Equal(2, (long)page["total"]!);
        Assert.Equal(2, (long)page["pages"]!);
        Assert.Equal(1, (int)page["current_page"]!);
        Assert.Equal(1, (int)page["per_page"]!);
        Assert.Equal(a, (long)page["products"]![0]!["id"]!);
        var second = await (await client.GetAsync($"{B}/products?category_id={cat}&per_page=1&page=2")).Json();
        Assert.False((bool)second["products"]![0]!["is_active"]!);
        var found = await (await client.GetAsync($"{B}/products?search={word.ToUpperInvariant()}")).Json();
        Assert.Equal(1, (long)found["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{B}/products?page=0")).StatusCode);
    }

    [Fact]
    public async Task Bulk_save_gives_each_product_its_own_result_and_a_failing_one_stays_as_it_was()
    {
        var client = await api.StaffClientAsync("staff");
        var a = await api.CreateProductAsync(unitPrice: 10m, stock: 5);
        var b = await api.CreateProductAsync(unitPrice: 20m);
        var takenSku = WsKit.Unique("T-");
        await api.CreateProductAsync(sku: takenSku);
        var rsp = await client.PostAsync($"{B}/products/bulk-save", Json($$"""
            {"products":[{"id":{{a}},"unit_price":11,"stock_quantity":7},
                         {"id":{{b}},"unit_price":21,"sku":"{{takenSku}}"},
                         {"id":{{b}},"unit_price":1.999},
                         {"unit_price":3},
                         {"id":999999999,"brand":"x"}]}
            """));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.False((bool)body["success"]!);
        Assert.Equal(1, (int)body["saved"]!);
        var errors = body["errors"]!.AsArray();
        Assert.Equal(new[] { 1, 2, 3, 4 }, errors.Select(e => (int)e!["index"]!).ToArray());
        Assert.Equal("SKU_TAKEN", (string)errors[0]!["code"]!);
        Assert.Contains("unit_price", errors[1]!["details"]!.ToJsonString());
        Assert.Equal("NOT_FOUND", (string)errors[3]!["code"]!);
        Assert.Equal(11m, await api.Scalar<decimal>("select unit_price from wholesale.products where id = $1", a));
        Assert.Equal(7, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", a));
        Assert.Equal(20m, await api.Scalar<decimal>("select unit_price from wholesale.products where id = $1", b));   // as it was
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{B}/products/bulk-save", Json("""{"products":[]}"""))).StatusCode);
    }

    [Fact]
    public async Task Inventory_edits_go_through_the_ledger_and_in_stock_follows_tracked_stock()
    {
        var staff = await api.CreateStaffAsync("staff");
        var client = await api.StaffClientAsync(staff);
        var cat = await api.CreateCategoryAsync();
        var id = await api.CreateProductAsync(stock: 3, categoryId: cat);
        var rsp = await client.PutAsync($"{B}/inventory/{id}", Json("""{"stock_quantity":0,"note":"Cycle count"}"""));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var p = (await rsp.Json())["product"]!;
        Assert.False((bool)p["in_stock"]!);
        Assert.Equal(0, (int)p["stock_quantity"]!);
        Assert.Equal("Cycle count", await api.Scalar<string>("select note from wholesale.inventory_ledger where product_id = $1 and actor_id = $2 and delta = -3", id, staff.Id));
        // in stock with nothing on hand: 409; contradicting the quantity: 400; restock: in stock again
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsync($"{B}/inventory/{id}", Json("""{"in_stock":true}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"{B}/inventory/{id}", Json("""{"in_stock":true,"stock_quantity":0}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"{B}/inventory/{id}", Json("""{}"""))).StatusCode);
        var restock = await (await client.PutAsync($"{B}/inventory/{id}", Json("""{"stock_quantity":40,"unit_price":9.5,"bulk_price":null}"""))).Json();
        Assert.True((bool)restock["product"]!["in_stock"]!);
        Assert.Equal(9.5m, (decimal)restock["product"]!["unit_price"]!);
        Assert.Equal(2, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1 and actor_kind = 'staff'", id));

        // an untracked product's in_stock is set directly
        var untracked = await api.CreateProductAsync(categoryId: cat);
        Assert.False((bool)(await (await client.PutAsync($"{B}/inventory/{untracked}", Json("""{"in_stock":false}"""))).Json())["product"]!["in_stock"]!);

        var list = await (await client.GetAsync($"{B}/inventory?category={cat}&in_stock=false")).Json();
        Assert.Equal(1, (long)list["total"]!);
        Assert.Equal(untracked, (long)list["products"]![0]!["id"]!);
        Assert.Equal(1, (int)list["page"]!);
        Assert.Equal(50, (int)list["per_page"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{B}/inventory?in_stock=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"{B}/inventory/999999999", Json("""{"in_stock":true}"""))).StatusCode);
    }

    [Fact]
    public async Task Categories_list_by_name_and_duplicates_are_409()
    {
        var client = await api.StaffClientAsync("sales_rep");
        var name = WsKit.Unique("Cat ");
        var rsp = await client.PostAsync($"{B}/categories", Json($$"""{"name":"{{name}}","description":"Lids"}"""));
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(name, (string)body["category"]!["name"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{B}/categories", Json($$"""{"name":"{{name.ToUpperInvariant()}}"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{B}/categories", Json("""{"name":" "}"""))).StatusCode);
        var list = (await (await client.GetAsync($"{B}/categories")).Json())["categories"]!.AsArray();
        var names = list.Select(c => (string)c!["name"]!).ToList();
        Assert.Equal(names.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal).ToList(), names);
        Assert.Contains(name, names);
    }

    [Fact]
    public async Task Images_are_re_encoded_stored_and_the_gallery_can_be_reordered_and_pruned()
    {
        var client = await api.StaffClientAsync("staff");
        var id = await api.CreateProductAsync();

        // display image: stored, within 2,000 px, image_url names it
        var set = await client.PostAsync($"{B}/products/{id}/image", Form(Png(2400, 1200, SKColors.Red)));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var setBody = await set.Json();
        var url = (string)setBody["image_url"]!;
        Assert.StartsWith($"{WsKit.Base}/api/products/{id}/image?v=", url);
        Assert.Equal(url, (string)setBody["product"]!["image_url"]!);
        Assert.Equal(2000, await api.Scalar<int>("select width from wholesale.product_images where product_id = $1", id));

        // two gallery images appended
        var add1 = await (await client.PostAsync($"{B}/products/{id}/images", Form(Png(100, 100, SKColors.Blue)))).Json();
        var add2 = await (await client.PostAsync($"{B}/products/{id}/images", Form(Png(50, 80, SKColors.Green)))).Json();
        var (first, second, third) = (long.Parse(url.Split("v=")[1]), (long)add1["image"]!["id"]!, (long)add2["image"]!["id"]!);
        Assert.StartsWith("data:image/jpeg;base64,", (string)add1["image"]!["image_url"]!);
        Assert.False((bool)add1["image"]!["is_primary"]!);
        Assert.Equal(3, (int)add2["product"]!["image_count"]!);

        var images = (await (await client.GetAsync($"{B}/products/{id}/images")).Json())["images"]!.AsArray();
        Assert.Equal(new[] { first, second, third }, images.Select(i => (long)i!["id"]!).ToArray());
        Assert.True((bool)images[0]!["is_primary"]!);

        // reorder needs exactly the product's ids
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{B}/products/{id}/images/reorder", Json($$"""{"order":[{{third}},{{first}}]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{B}/products/{id}/images/reorder", Json($$"""{"order":[{{third}},{{first}},{{first}}]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{B}/products/{id}/images/reorder", Json($$"""{"order":[{{third}},{{first}},999999999]}"""))).StatusCode);
        var reordered = await client.PostAsync($"{B}/products/{id}/images/reorder", Json($$"""{"order":[{{third}},{{first}},{{second}}]}"""));
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.EndsWith($"v={third}", (string)(await reordered.Json())["product"]!["image_url"]!);

        // set-primary moves one image first; another product's image is 404
        var primary = await (await client.PostAsync($"{B}/products/{id}/images/{second}/set-primary", null)).Json();
        Assert.EndsWith($"v={second}", (string)primary["product"]!["image_url"]!);
        var other = await api.CreateProductAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{B}/products/{other}/images/{second}/set-primary", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{B}/products/{other}/images/{second}")).StatusCode);

        // deleting the primary gallery image promotes the next; removing the display image twice more empties it
        var afterDelete = await (await client.DeleteAsync($"{B}/products/{id}/images/{second}")).Json();
        Assert.EndsWith($"v={third}", (string)afterDelete["product"]!["image_url"]!);
        await client.DeleteAsync($"{B}/products/{id}/image");
        var last = await (await client.DeleteAsync($"{B}/products/{id}/image")).Json();
        Assert.True((bool)last["success"]!);
        Assert.Null(last["product"]!["image_url"]);
        Assert.Equal(0, await api.Scalar<long>("select count(*) from wholesale.product_images where product_id = $1", id));
    }

    [Fact]
    public async Task Upload_image_returns_a_data_url_that_create_stores_in_the_database()
    {
        var client = await api.StaffClientAsync("manager");
        var up = await client.PostAsync($"{B}/products/upload-image", Form(Png(300, 200, SKColors.Orange)));
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        var dataUrl = (string)(await up.Json())["image_url"]!;
        Assert.StartsWith("data:image/jpeg;base64,", dataUrl);

        var cat = await api.CreateCategoryAsync();
        var created = await client.PostAsync($"{B}/products", Json($$"""{"name":"Pic","sku":"{{WsKit.Unique("P-")}}","unit_price":2,"category_id":{{cat}},"image_url":"{{dataUrl}}"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var p = (await created.Json())["product"]!;
        var id = (long)p["id"]!;
        Assert.StartsWith($"{WsKit.Base}/api/products/{id}/image?v=", (string)p["image_url"]!);
        Assert.Equal(1, (int)p["image_count"]!);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync((string)p["image_url"]!)).StatusCode);

        // not an image: 415; no file: 400; over 5 MB: 413; unknown product: 404
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync($"{B}/products/upload-image", Form(Encoding.UTF8.GetBytes("not an image"), "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{B}/products/upload-image", new MultipartFormDataContent { { new StringContent("x"), "other" } })).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync($"{B}/products/upload-image", Form(new byte[5 * 1024 * 1024 + 10]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{B}/products/999999999/images", Form(Png(10, 10, SKColors.Red)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{B}/products/999999999/images")).StatusCode);
        var badData = await client.PutAsync($"{B}/products/{id}", Json("""{"image_url":"data:image/png;base64,AAAA"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badData.StatusCode);
    }
}
