using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Procurement;

/// <summary>Procurement vendors and their products: role rules, all=1, price range, moving, hard delete with audit.</summary>
public sealed class ProcurementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string V = WsKit.Base + "/api/procurement/vendors";
    const string P = WsKit.Base + "/api/procurement/products";

    async Task<JsonNode> CreateVendor(HttpClient c, string? name = null, bool active = true)
    {
        var rsp = await c.PostJson(V, new { name = name ?? WsKit.Unique("Vendor "), website = "https://vendor.example", email = "sales@vendor.example", active });
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        return await rsp.Json();
    }

    async Task<JsonNode> CreateProduct(HttpClient c, long vendorId, object body)
    {
        var rsp = await c.PostJson($"{V}/{vendorId}/products", body);
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        return await rsp.Json();
    }

    [Fact]
    public async Task A_manager_creates_a_vendor_and_its_products_and_staff_read_them()
    {
        var manager = await api.StaffClientAsync("manager");
        var vendor = await CreateVendor(manager);
        var vid = (long)vendor["id"]!;
        Assert.Equal("https://vendor.example", (string)vendor["website"]!);
        Assert.True((bool)vendor["active"]!);
        foreach (var f in new[] { "id", "name", "website", "phone", "email", "contact_name", "address", "notes", "active" })
            Assert.True(vendor.AsObject().ContainsKey(f), f);

        var category = WsKit.Unique("Fryers ");
        var fryer = await CreateProduct(manager, vid, new { name = "Twin fryer", category, model_number = "TF-40", est_price_min = 1200.00m, est_price_max = 1800.50m, lead_time_days = 21 });
        Assert.Equal(vid, (long)fryer["vendor_id"]!);
        Assert.Equal(1800.50m, (decimal)fryer["est_price_max"]!);
        await CreateProduct(manager, vid, new { name = "Old fryer", category, active = false });

        var staff = await api.StaffClientAsync("staff");
        var detail = await (await staff.GetAsync($"{V}/{vid}")).Json();
        Assert.Equal(2, detail["products"]!.AsArray().Count);              // detail: every product
        Assert.Single((await (await staff.GetAsync($"{V}/{vid}/products")).Json()).AsArray());
        Assert.Equal(2, (await (await staff.GetAsync($"{V}/{vid}/products?all=1")).Json()).AsArray().Count);
        var byCategory = (await (await staff.GetAsync($"{P}?category={Uri.EscapeDataString(category.ToUpperInvariant())}")).Json()).AsArray();
        Assert.Equal("TF-40", (string)Assert.Single(byCategory)!["model_number"]!);
        Assert.Equal(2, (await (await staff.GetAsync($"{P}?all=1&category={Uri.EscapeDataString(category)}")).Json()).AsArray().Count);
    }

    [Fact]
    public async Task Inactive_vendors_are_listed_only_with_all_1()
    {
        var admin = await api.StaffClientAsync("admin");
        var name = WsKit.Unique("Sleepy ");
        var vid = (long)(await CreateVendor(admin, name, active: false))["id"]!;
        var staff = await api.StaffClientAsync("sales_rep");
        Assert.DoesNotContain((await (await staff.GetAsync(V)).Json()).AsArray(), v => (long)v!["id"]! == vid);
        Assert.Contains((await (await staff.GetAsync($"{V}?all=1")).Json()).AsArray(), v => (long)v!["id"]! == vid);
    }

    [Fact]
    public async Task Writes_need_admin_or_manager_and_reads_need_staff()
    {
        var staff = await api.StaffClientAsync("staff");
        var rsp = await staff.PostJson(V, new { name = "Nope" });
        Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["success"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(V)).StatusCode);
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.True((await customer.GetAsync(V)).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

        var manager = await api.StaffClientAsync("manager");
        var vid = (long)(await CreateVendor(manager))["id"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutJson($"{V}/{vid}", new { notes = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"{V}/{vid}")).StatusCode);   // delete: admin only
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"{V}/{vid}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_400_with_details()
    {
        var manager = await api.StaffClientAsync("manager");
        var rsp = await manager.PostJson(V, new { name = "", email = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.NotNull(body["details"]!["name"]);
        Assert.NotNull(body["details"]!["email"]);

        var vid = (long)(await CreateVendor(manager))["id"]!;
        rsp = await manager.PostJson($"{V}/{vid}/products", new { name = "Range", est_price_min = 500m, est_price_max = 400m });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["est_price_max"]);
        rsp = await manager.PostJson($"{V}/{vid}/products", new { name = "Range", est_price_min = 1.005m });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);

        // one bound sent, the other stored
        var pid = (long)(await CreateProduct(manager, vid, new { name = "Range", est_price_min = 100m, est_price_max = 200m }))["id"]!;
        rsp = await manager.PutJson($"{P}/{pid}", new { est_price_min = 250m });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["est_price_min"]);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostJson($"{V}/999999999/products", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{V}/999999999")).StatusCode);
    }

    [Fact]
    public async Task A_product_moves_only_to_an_existing_vendor_and_updates_write_only_what_is_sent()
    {
        var manager = await api.StaffClientAsync("manager");
        var a = (long)(await CreateVendor(manager))["id"]!;
        var b = (long)(await CreateVendor(manager))["id"]!;
        var pid = (long)(await CreateProduct(manager, a, new { name = "Slicer", notes = "keep", model_number = "S-1" }))["id"]!;

        var rsp = await manager.PutJson($"{P}/{pid}", new { vendor_id = 999999999 });
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        Assert.NotNull((await rsp.Json())["details"]!["vendor_id"]);

        var moved = await (await manager.PutJson($"{P}/{pid}", new { vendor_id = b, model_number = "" })).Json();
        Assert.Equal(b, (long)moved["vendor_id"]!);
        Assert.Equal("keep", (string)moved["notes"]!);
        Assert.Null(moved["model_number"]);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutJson($"{P}/999999999", new { notes = "x" })).StatusCode);

        var vendor = await (await manager.PutJson($"{V}/{a}", new { phone = "312-555-0100", active = false })).Json();
        Assert.Equal("312-555-0100", (string)vendor["phone"]!);
        Assert.False((bool)vendor["active"]!);
    }

    [Fact]
    public async Task Deleting_a_vendor_removes_it_and_its_products_for_good_with_an_audit_row()
    {
        var admin = await api.StaffClientAsync("admin");
        var vid = (long)(await CreateVendor(admin))["id"]!;
        var pid = (long)(await CreateProduct(admin, vid, new { name = "Mixer" }))["id"]!;
        var other = (long)(await CreateProduct(admin, (long)(await CreateVendor(admin))["id"]!, new { name = "Kept" }))["id"]!;

        var rsp = await admin.DeleteAsync($"{V}/{vid}");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.True((bool)(await rsp.Json())["success"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{V}/{vid}")).StatusCode);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.procurement_products where id = $1", pid));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.procurement_products where id = $1", other));
        var audit = await api.Scalar<string>("select details::text from wholesale.audit_log where entity = 'procurement_vendor' and entity_id = $1 and action = 'procurement_vendor.delete'", vid.ToString());
        Assert.Contains("Mixer", audit);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{V}/{vid}")).StatusCode);

        var manager = await api.StaffClientAsync("manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.DeleteAsync($"{P}/{other}")).StatusCode);   // products: manager may
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"{P}/{other}")).StatusCode);
    }
}
