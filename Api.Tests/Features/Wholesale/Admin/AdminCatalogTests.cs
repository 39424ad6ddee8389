using System.Net;
using System.Text;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Admin;

/// <summary><c>POST /api/admin/products</c> and <c>/api/admin/categories</c>: staff admin or manager, despite the "Session" label.</summary>
public sealed class AdminCatalogTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)]
    [InlineData("manager", HttpStatusCode.Created)]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    [InlineData("sales_rep", HttpStatusCode.Forbidden)]
    public async Task Each_staff_role_on_create_category_and_product(string role, HttpStatusCode expected)
    {
        var client = await api.StaffClientAsync(role);
        var name = WsKit.Unique("Cat ");
        var rsp = await client.PostAsync($"{WsKit.Base}/api/admin/categories", Json($$"""{"name":"{{name}}","description":"Cups and lids"}"""));
        Assert.Equal(expected, rsp.StatusCode);
        var cat = await api.CreateCategoryAsync();
        var prod = await client.PostAsync($"{WsKit.Base}/api/admin/products",
            Json($$"""{"name":"Foam Cups","category_id":{{cat}},"sku":"{{WsKit.Unique("SKU-")}}","unit_price":3.5}"""));
        Assert.Equal(expected, prod.StatusCode);
        if (expected != HttpStatusCode.Created) Assert.False((bool)(await prod.Json())["success"]!);
    }

    [Fact]
    public async Task A_customer_session_or_no_sign_in_is_401()
    {
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.PostAsync($"{WsKit.Base}/api/admin/categories", Json("""{"name":"X"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.PostAsync($"{WsKit.Base}/api/admin/products", Json("""{"name":"X"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync($"{WsKit.Base}/api/admin/products", Json("""{"name":"X"}"""))).StatusCode);
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await key.PostAsync($"{WsKit.Base}/api/admin/categories", Json("""{"name":"X"}"""))).StatusCode);
    }

    [Fact]
    public async Task Creates_a_product_with_the_documented_fields_and_records_initial_stock()
    {
        var admin = await api.CreateStaffAsync("manager");
        var client = await api.StaffClientAsync(admin);
        var cat = await api.CreateCategoryAsync();
        var sku = WsKit.Unique("SKU-");
        var rsp = await client.PostAsync($"{WsKit.Base}/api/admin/products", Json($$"""
            {"name":" Deli Containers ","description":"16 oz","category_id":{{cat}},"sku":"{{sku}}","unit_price":24.99,
             "bulk_price":22.5,"bulk_quantity":10,"unit_size":"240 ct","brand":"Pactiv","image_url":"https://cdn.example/deli.jpg",
             "stock_quantity":12}
            """));
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        var p = await rsp.Json();
        Assert.Equal("Deli Containers", (string)p["name"]!);
        Assert.Equal(24.99m, (decimal)p["unit_price"]!);
        Assert.Equal(cat, (long)p["category_id"]!);
        Assert.True((bool)p["in_stock"]!);
        var id = (long)p["id"]!;
        Assert.Equal(admin.Id, await api.Scalar<long>("select actor_id from wholesale.inventory_ledger where product_id = $1 and actor_kind = 'staff'", id));
        Assert.Equal(12, await api.Scalar<int>("select delta from wholesale.inventory_ledger where product_id = $1", id));

        var dup = await client.PostAsync($"{WsKit.Base}/api/admin/products",
            Json($$"""{"name":"Other","category_id":{{cat}},"sku":"{{sku.ToLowerInvariant()}}","unit_price":1}"""));
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
    }

    [Theory]
    [InlineData("""{"category_id": 1, "sku": "A-1", "unit_price": 1}""", "name")]
    [InlineData("""{"name": "n", "sku": "A-1", "unit_price": 1}""", "category_id")]
    [InlineData("""{"name": "n", "category_id": 1, "unit_price": 1}""", "sku")]
    [InlineData("""{"name": "n", "category_id": 1, "sku": "A-1"}""", "unit_price")]
    [InlineData("""{"name": "n", "category_id": 1, "sku": "A-1", "unit_price": 2.555}""", "unit_price")]
    [InlineData("""{"name": "n", "category_id": 999999999, "sku": "A-1", "unit_price": 2}""", "category_id")]
    public async Task Product_fields_are_validated(string body, string field)
    {
        var client = await api.StaffClientAsync("admin");
        var rsp = await client.PostAsync($"{WsKit.Base}/api/admin/products", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]![field]);
    }

    [Fact]
    public async Task Category_names_are_unique_case_insensitively()
    {
        var client = await api.StaffClientAsync("admin");
        var name = WsKit.Unique("Janitorial ");
        var first = await client.PostAsync($"{WsKit.Base}/api/admin/categories", Json($$"""{"name":"{{name}}"}"""));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Json();
        Assert.Equal(name, (string)body["name"]!);
        Assert.NotNull(body["id"]);
        var dup = await client.PostAsync($"{WsKit.Base}/api/admin/categories", Json($$"""{"name":"{{name.ToUpperInvariant()}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        Assert.False((bool)(await dup.Json())["success"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{WsKit.Base}/api/admin/categories", Json("""{"name":"  "}"""))).StatusCode);
    }
}
