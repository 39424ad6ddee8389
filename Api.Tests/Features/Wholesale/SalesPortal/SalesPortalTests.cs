using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesPortal;

/// <summary>The rep portal: placing and cancelling orders, commission, ACH, profiles, reports and who may see what.</summary>
public sealed class SalesPortalTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string B = WsKit.Base;

    async Task<(WsKit.Staff Rep, HttpClient Client)> RepAsync()
    {
        var rep = await api.CreateStaffAsync("sales_rep");
        return (rep, await api.StaffClientAsync(rep));
    }

    async Task<JsonNode> PlaceAsync(HttpClient rep, long customerId, long productId, int qty, decimal discount = 0, object? ach = null, string? method = null)
    {
        var rsp = await rep.PostJson($"{B}/api/sales/place-order", new
        {
            customer_id = customerId, items = new[] { new { product_id = productId, quantity = qty } }, discount_amount = discount,
            notes = "call before noon", ach, payment_method = method,
        });
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        return (await rsp.Json())["order"]!;
    }

    [Fact]
    public async Task A_rep_places_an_order_with_catalog_prices_capped_discount_and_ach_then_cancels_only_their_own()
    {
        var (repA, a) = await RepAsync();
        var (_, b) = await RepAsync();
        var customer = await api.CreateCustomerAsync();
        var product = await api.CreateProductAsync(unitPrice: 20m, stock: 50);

        var tooMuch = await a.PostJson($"{B}/api/sales/place-order", new { customer_id = customer.Id, items = new[] { new { product_id = product, quantity = 10 } }, discount_amount = 100m });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("discount_amount", (await tooMuch.Json())["details"]!.ToJsonString());
        var badAch = await a.PostJson($"{B}/api/sales/place-order", new { customer_id = customer.Id, items = new[] { new { product_id = product, quantity = 1 } },
            ach = new { routing_number = "123456789", account_number = "000123456789" } });
        Assert.Equal(HttpStatusCode.BadRequest, badAch.StatusCode);
        Assert.Equal(50, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));

        var order = await PlaceAsync(a, customer.Id, product, 10, discount: 20m, method: "ach",
            ach: new { bank_name = "First Bank", account_name = "Test Bistro", routing_number = "011000015", account_number = "000123456789", account_type = "checking" });
        Assert.Equal(200m, (decimal)order["subtotal"]!);
        Assert.Equal(20m, (decimal)order["discount_amount"]!);
        Assert.Equal(repA.Id, (long)order["sales_rep_id"]!);
        Assert.Equal("****6789", (string)order["ach"]!["ach_account_number_masked"]!);
        Assert.DoesNotContain("000123456789", order.ToJsonString());
        Assert.Equal(40, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(repA.Id, await api.Scalar<long>("select sales_rep_id from wholesale.orders where id = $1", (long)order["id"]!));

        var achRead = await (await b.GetAsync($"{B}/api/sales/customer/{customer.Id}/ach")).Json();
        Assert.True((bool)achRead["has_ach"]!);
        Assert.Equal("****6789", (string)achRead["ach_account_number_masked"]!);
        Assert.DoesNotContain("000123456789", achRead.ToJsonString());
        Assert.DoesNotContain("000123456789", await api.Scalar<string>("select account_number_enc from wholesale.customer_ach where customer_id = $1", customer.Id));

        var mine = await (await a.GetAsync($"{B}/api/sales/my-sales?days=7")).Json();
        Assert.Equal(1, (int)mine["period_orders"]!);
        Assert.Equal(repA.Id, (long)mine["rep"]!["id"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{B}/api/sales/my-sales?rep_id={repA.Id}")).StatusCode);

        var id = (long)order["id"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostAsync($"{B}/api/sales/order/{id}/cancel", null)).StatusCode);
        var cancel = await a.PostAsync($"{B}/api/sales/order/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (string)(await cancel.Json())["status"]!);
        Assert.Equal(50, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(HttpStatusCode.Conflict, (await a.PostAsync($"{B}/api/sales/order/{id}/cancel", null)).StatusCode);

        var paid = await PlaceAsync(a, customer.Id, product, 1);
        await api.Exec("update wholesale.orders set payment_status = 'paid', amount_paid = total_amount where id = $1", (long)paid["id"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await a.PostAsync($"{B}/api/sales/order/{(long)paid["id"]!}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"{B}/api/sales/order/999999999/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Commission_is_earned_on_paid_orders_and_only_admins_toggle_it()
    {
        var (rep, r) = await RepAsync();
        var customer = await api.CreateCustomerAsync();
        var product = await api.CreateProductAsync(unitPrice: 100m);
        var order = await PlaceAsync(r, customer.Id, product, 4, discount: 40m);
        var number = (string)order["order_number"]!;
        var admin = await api.StaffClientAsync("manager");

        Assert.Equal(HttpStatusCode.Forbidden, (await r.PostJson($"{B}/api/sales/commission/{number}/toggle", new { paid = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostJson($"{B}/api/sales/commission/{number}/toggle", new { paid = true })).StatusCode);
        await api.Exec("update wholesale.orders set payment_status = 'paid', amount_paid = total_amount where order_number = $1", number);
        var on = await (await admin.PostJson($"{B}/api/sales/commission/{number}/toggle", new { })).Json();
        Assert.True((bool)on["commission_paid"]!);
        Assert.NotNull(on["commission_paid_at"]);
        Assert.Equal(18m, (decimal)on["commission_amount"]!);        // 5 % of (400 − 40)
        var off = await (await admin.PostJson($"{B}/api/sales/commission/{number}/toggle", new { paid = false })).Json();
        Assert.False((bool)off["commission_paid"]!);
        Assert.Null(off["commission_paid_at"]);

        var bulk = await (await admin.PostJson($"{B}/api/sales/commission/bulk-toggle", new { order_numbers = new[] { number, "LLD-NOPE" }, paid = true })).Json();
        Assert.Equal(1, (int)bulk["updated"]!);
        Assert.Single(bulk["skipped"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJson($"{B}/api/sales/commission/bulk-toggle", new { order_numbers = Array.Empty<string>() })).StatusCode);
        // two calls logged on the calling list (part A): calls 2, conversion = 1 order / 2 calls
        var entry = await (await r.PostJson($"{B}/api/sales/calling-list", new { phone = "+1331" + Random.Shared.Next(1_000_000, 9_999_999) })).Json();
        var entryId = (long)entry["entry"]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await r.PostJson($"{B}/api/sales/calling-list/batch-mark-called", new { ids = new[] { entryId } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await r.PostJson($"{B}/api/sales/calling-list/batch-mark-called", new { ids = new[] { entryId } })).StatusCode);
        var perf = await (await admin.GetAsync($"{B}/api/sales/performance?rep_id={rep.Id}&period=week")).Json();
        Assert.Equal(18m, (decimal)perf["reps"]![0]!["commission_earned"]!);
        Assert.Equal(2, (int)perf["reps"]![0]!["calls"]!);
        Assert.Equal(0.5, (double)perf["reps"]![0]!["conversion"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await r.GetAsync($"{B}/api/sales/performance")).StatusCode);
    }

    [Fact]
    public async Task History_is_scoped_to_the_rep_groups_and_streams_csv_with_formulas_escaped()
    {
        var (repA, a) = await RepAsync();
        var (_, b) = await RepAsync();
        var customer = await api.CreateCustomerAsync();
        await api.Exec("update wholesale.customers set company_name = '=HYPERLINK(\"http://x\")' where id = $1", customer.Id);
        var product = await api.CreateProductAsync(unitPrice: 30m);
        await PlaceAsync(a, customer.Id, product, 2);
        await PlaceAsync(b, customer.Id, product, 3);

        var own = await (await a.GetAsync($"{B}/api/sales/history")).Json();
        Assert.Equal(1, (int)own["total"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"{B}/api/sales/history?rep_id={repA.Id}")).StatusCode);
        var admin = await api.StaffClientAsync("admin");
        var grouped = await (await admin.GetAsync($"{B}/api/sales/history?group_by=rep&search={Uri.EscapeDataString("HYPERLINK")}")).Json();
        Assert.Equal("rep", (string)grouped["group_by"]!);
        Assert.Equal(2, grouped["groups"]!.AsArray().Count);
        Assert.Equal(2, (int)grouped["total_orders"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{B}/api/sales/history?group_by=password")).StatusCode);

        var csv = await a.GetAsync($"{B}/api/sales/history?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("order_number,", text);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text);
    }

    [Fact]
    public async Task Profiles_ach_reps_catalog_and_assignment()
    {
        var (rep, r) = await RepAsync();
        var customer = await api.CreateCustomerAsync(phone: "+13125550199");
        var product = await api.CreateProductAsync(unitPrice: 12m, categoryId: await api.CreateCategoryAsync());
        var order = await PlaceAsync(r, customer.Id, product, 1);

        var profile = await (await r.GetAsync($"{B}/api/sales/customer/{customer.Id}/profile")).Json();
        Assert.Equal(1, (int)profile["order_count"]!);
        Assert.Equal("1× ", ((string)profile["orders"]![0]!["items_preview"]!)[..3]);
        var put = await (await r.PutJson($"{B}/api/sales/customer/{customer.Id}/profile", new { company_name = "New Name LLC", phone = "(312) 555-0142" })).Json();
        Assert.Equal(1, (int)put["updated_orders"]!);
        Assert.Equal("+13125550142", (string)put["phone"]!);
        Assert.Equal("New Name LLC", await api.Scalar<string>("select delivery_company from wholesale.orders where id = $1", (long)order["id"]!));
        Assert.Equal(HttpStatusCode.BadRequest, (await r.PutJson($"{B}/api/sales/customer/{customer.Id}/profile", new { phone = "nope" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await r.GetAsync($"{B}/api/sales/customer/999999999/profile")).StatusCode);

        var byPhone = await (await r.GetAsync($"{B}/api/sales/customer/by-phone/profile?phone=3125550142")).Json();
        Assert.Equal(customer.Id, (long)byPhone["id"]!);
        await api.Exec("""
            insert into wholesale.orders (order_number, delivery_name, delivery_phone, total_amount) values ($1, 'Guest Gus', '+13125550177', 42)
            """, WsKit.Unique("LLD-G"));
        var guest = await (await r.GetAsync($"{B}/api/sales/customer/by-phone/profile?phone=%2B13125550177")).Json();
        Assert.True((bool)guest["no_account"]!);
        Assert.Single(guest["orders"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await r.GetAsync($"{B}/api/sales/customer/by-phone/profile?phone=3125550000")).StatusCode);

        var badRouting = await r.PutJson($"{B}/api/sales/customer/{customer.Id}/ach", new { routing_number = "011000016", account_number = "12345678" });
        Assert.Equal(HttpStatusCode.BadRequest, badRouting.StatusCode);
        Assert.Contains("routing_number", (await badRouting.Json())["details"]!.ToJsonString());
        var saved = await (await r.PutJson($"{B}/api/sales/customer/{customer.Id}/ach", new { routing_number = "021000021", account_number = "987654321", account_type = "savings" })).Json();
        Assert.Equal("****4321", (string)saved["ach_account_number_masked"]!);
        Assert.Equal(rep.Id, (long)saved["ach_authorized_by"]!);

        var reps = (await (await r.GetAsync($"{B}/api/staff/sales-reps")).Json()).AsArray();
        Assert.Contains(reps, x => (long)x!["id"]! == rep.Id);
        var catalogRsp = await api.CreateClient().GetAsync($"{B}/api/products/sales-catalog");
        var catalogText = await catalogRsp.Content.ReadAsStringAsync();
        Assert.True(catalogRsp.IsSuccessStatusCode, catalogText);
        var catalog = System.Text.Json.Nodes.JsonNode.Parse(catalogText)!.AsArray();
        Assert.Contains(catalog, c => c!["products"]!.AsArray().Any(p => (long)p!["id"]! == product));

        var manager = await api.StaffClientAsync("manager");
        var (other, _) = await RepAsync();
        var assigned = await (await manager.PutJson($"{B}/api/staff/orders/{(long)order["id"]!}/assign-sales-rep", new { sales_rep_id = other.Id })).Json();
        Assert.Equal(other.Id, (long)assigned["order"]!["sales_rep_id"]!);
        var plain = await api.CreateStaffAsync("staff");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutJson($"{B}/api/staff/orders/{(long)order["id"]!}/assign-sales-rep", new { sales_rep_id = plain.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await r.PutJson($"{B}/api/staff/orders/{(long)order["id"]!}/assign-sales-rep", new { sales_rep_id = rep.Id })).StatusCode);
        // the order now belongs to the other rep: the first one can no longer cancel it
        Assert.Equal(HttpStatusCode.Forbidden, (await r.PostAsync($"{B}/api/sales/order/{(long)order["id"]!}/cancel", null)).StatusCode);
    }
}
