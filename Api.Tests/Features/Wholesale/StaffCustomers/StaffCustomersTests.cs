using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.StaffCustomers.StaffKit;

namespace Api.Tests.Features.Wholesale.StaffCustomers;

/// <summary>/api/staff/customers*: list, one, edit, delete, orders, duplicates.</summary>
public sealed class StaffCustomersTests(StaffCustomersApi api) : IClassFixture<StaffCustomersApi>
{
    [Fact]
    public async Task List_searches_sorts_and_needs_staff()
    {
        var company = "Zanzibar " + WsKit.Unique("Grill");
        var id = await api.InsertCustomerAsync(company: company, phone: "+13125550111");
        var staff = await api.StaffClientAsync("sales_rep");
        var rsp = await staff.GetAsync($"{B}/api/staff/customers?search={Uri.EscapeDataString(company[..20].ToUpperInvariant())}&per_page=10");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(1, (int)body["total"]!);
        Assert.Equal(1, (int)body["pages"]!);
        var c = body["customers"]![0]!;
        Assert.Equal(id, (long)c["id"]!);
        foreach (var f in new[] { "username", "first_name", "last_name", "email", "company_name", "phone", "phone2", "shipping_address",
                                  "billing_address", "preferred_language", "do_not_call", "created_at", "is_active" })
            Assert.True(c.AsObject().ContainsKey(f), f);

        var byPhone = await (await staff.GetAsync($"{B}/api/staff/customers?search=3125550111")).Json();
        Assert.Contains(byPhone["customers"]!.AsArray(), x => (long)x!["id"]! == id);

        var bad = await staff.GetAsync($"{B}/api/staff/customers?sort_by=password_hash");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Json())["details"]);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"{B}/api/staff/customers?sort_by=company_name&sort_dir=asc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{B}/api/staff/customers?sort_dir=sideways")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"{B}/api/staff/customers")).StatusCode);
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.Contains((await customer.GetAsync($"{B}/api/staff/customers")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task Get_and_put_with_the_do_not_call_rule()
    {
        var id = await api.InsertCustomerAsync();
        var staff = await api.StaffClientAsync("staff");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{B}/api/staff/customers/999999999")).StatusCode);
        var put = await staff.PutJson($"{B}/api/staff/customers/{id}", new { phone = "(312) 555-0199", phone2 = "312.555.0198", preferred_language = "es", do_not_call = true, first_name = "Ana" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var body = await put.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal("+13125550199", (string)body["phone"]!);
        Assert.Equal("+13125550198", (string)body["phone2"]!);
        Assert.Equal("es", (string)body["preferred_language"]!);
        Assert.True((bool)body["do_not_call"]!);
        Assert.Equal("Ana", (string)(await (await staff.GetAsync($"{B}/api/staff/customers/{id}")).Json())["first_name"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{B}/api/staff/customers/{id}", new { phone = "12" })).StatusCode);
        var clear = await staff.PutJson($"{B}/api/staff/customers/{id}", new { do_not_call = false });
        Assert.Equal(HttpStatusCode.Forbidden, clear.StatusCode);
        Assert.True(await api.Scalar<bool>("select do_not_call from wholesale.customers where id = $1", id));
        var manager = await api.StaffClientAsync("manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJson($"{B}/api/staff/customers/{id}", new { do_not_call = false })).StatusCode);
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.audit_log where entity = 'customer' and entity_id = $1 and action = 'do_not_call.cleared'", id.ToString()));

        var a = await api.CreateCustomerAsync();
        var b = await api.CreateCustomerAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{B}/api/staff/customers/{b.Id}", new { email = a.Email })).StatusCode);
    }

    [Fact]
    public async Task Delete_needs_admin_or_manager_and_no_balance()
    {
        var id = await api.InsertCustomerAsync(phone: "+13125550122");
        var order = await api.InsertOrderAsync(id);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.StaffClientAsync("staff")).DeleteAsync($"{B}/api/staff/customers/{id}")).StatusCode);
        var admin = await api.StaffClientAsync("admin");
        var rsp = await admin.DeleteAsync($"{B}/api/staff/customers/{id}");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(id, (long)body["deleted_id"]!);
        Assert.True(await api.Scalar<bool>("select customer_id is null from wholesale.orders where id = $1", order));
        Assert.True(await api.Scalar<bool>("select email is null and phone is null and company_name is null and deleted_at is not null from wholesale.customers where id = $1", id));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{B}/api/staff/customers/{id}")).StatusCode);

        var owing = await api.InsertCustomerAsync();
        await api.InsertOrderAsync(owing, total: 80m, paid: 30m, payment: "partial");
        var refused = await admin.DeleteAsync($"{B}/api/staff/customers/{owing}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False((bool)(await refused.Json())["success"]!);
        var credit = await api.InsertCustomerAsync(credit: 12.5m);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"{B}/api/staff/customers/{credit}")).StatusCode);
        Assert.False(await api.Scalar<bool>("select deleted_at is not null from wholesale.customers where id = $1", credit));
    }

    [Fact]
    public async Task Bulk_delete_is_all_or_nothing_for_admin_or_manager()
    {
        var a = await api.InsertCustomerAsync();
        var b = await api.InsertCustomerAsync();
        var blocked = await api.InsertCustomerAsync(credit: 5m);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.StaffClientAsync("staff")).PostJson($"{B}/api/staff/customers/bulk-delete", new { ids = new[] { a } })).StatusCode);
        var manager = await api.StaffClientAsync("manager");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJson($"{B}/api/staff/customers/bulk-delete", new { ids = Array.Empty<long>() })).StatusCode);
        var refused = await manager.PostJson($"{B}/api/staff/customers/bulk-delete", new { ids = new[] { a, b, blocked } });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.customers where id = any($1) and deleted_at is not null", new[] { a, b }));
        var ok = await manager.PostJson($"{B}/api/staff/customers/bulk-delete", new { ids = new[] { a, b } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (int)(await ok.Json())["deleted"]!);
    }

    [Fact]
    public async Task Orders_of_a_customer_and_duplicate_phones()
    {
        var id = await api.InsertCustomerAsync(phone: "+13125550133");
        var twin = await api.InsertCustomerAsync(phone: "+13125550133");
        await api.InsertOrderAsync(id, total: 10m);
        await api.InsertOrderAsync(id, total: 20m);
        var staff = await api.StaffClientAsync("staff");
        var orders = await (await staff.GetAsync($"{B}/api/staff/customers/{id}/orders")).Json();
        Assert.Equal(2, (int)orders["total"]!);
        Assert.Equal(20m, (decimal)orders["orders"]![0]!["total_amount"]!);
        Assert.Equal("Gloves", (string)orders["orders"]![0]!["items"]![0]!["product_name"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{B}/api/staff/customers/999999999/orders")).StatusCode);

        var dups = await (await staff.GetAsync($"{B}/api/staff/customers/duplicate-phones")).Json();
        Assert.True((int)dups["total_groups"]! >= 1);
        var group = dups["duplicate_groups"]!.AsArray().Single(g => (string)g!["phone"]! == "+13125550133")!;
        Assert.Equal(new[] { id, twin }, group["customers"]!.AsArray().Select(c => (long)c!["id"]!).Order().ToArray());
    }
}
