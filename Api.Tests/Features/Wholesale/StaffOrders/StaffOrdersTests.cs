using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.StaffOrders;

public sealed class StaffOrdersTests(StaffOrdersFactory api) : IClassFixture<StaffOrdersFactory>
{
    const string Orders = $"{WsKit.Base}/api/staff/orders";

    static object Manual(object[] items, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["items"] = items, ["delivery_name"] = "Pat Buyer", ["delivery_address"] = "1 Main St", ["delivery_city"] = "Chicago",
            ["delivery_state"] = "IL", ["delivery_zip"] = "60601",
        };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        return body;
    }

    [Fact]
    public async Task Status_moves_follow_the_state_machine_and_cancel_restocks_and_refunds_once()
    {
        var staff = await api.StaffClientAsync("staff");
        var (id, number, product, total) = await StaffOrdersKit.OrderAsync(api, stock: 10, qty: 4);
        var confirm = await (await staff.PutJson($"{Orders}/{id}/status", new { status = "confirmed", staff_notes = "called customer", assigned_to = "Sam" })).Ok();
        Assert.Equal("confirmed", (string)confirm["order"]!["status"]!);
        Assert.Equal("Sam", (string)confirm["order"]!["assigned_to"]!);
        Assert.Equal(number, (string)confirm["order"]!["order_number"]!);
        Assert.Single(confirm["order"]!["items"]!.AsArray());
        Assert.Null(confirm["refund"]);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{Orders}/{id}/status", new { status = "delivered" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{Orders}/{id}/status", new { status = "lost" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PutJson($"{Orders}/987654321/status", new { status = "packed" })).StatusCode);

        var intent = await StaffOrdersKit.PayByCardAsync(api, id);
        var cancel = await (await staff.PutJson($"{Orders}/{id}/status", new { status = "cancelled", staff_notes = "customer cancelled" })).Ok();
        Assert.Equal("cancelled", (string)cancel["order"]!["status"]!);
        Assert.Equal("refunded", (string)cancel["order"]!["payment_status"]!);
        Assert.Equal("succeeded", (string)cancel["refund"]!["status"]!);
        Assert.Equal(total, (decimal)cancel["refund"]!["amount"]!);
        Assert.Equal(10, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{Orders}/{id}/status", new { status = "cancelled" })).StatusCode);
        Assert.Single(api.Stripe.Calls, c => c.Form["payment_intent"] == intent);
        Assert.Equal(10, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal("staff", await api.Scalar<string>("select actor_kind from wholesale.order_events where order_id = $1 and to_status = 'cancelled'", id));
    }

    [Fact]
    public async Task A_failed_refund_is_retried_by_cancelling_again()
    {
        var staff = await api.StaffClientAsync("manager");
        var (id, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        await StaffOrdersKit.PayByCardAsync(api, id);
        api.Stripe.Fail = true;
        try
        {
            var failed = await (await staff.PutJson($"{Orders}/{id}/status", new { status = "cancelled" })).Ok();
            Assert.Equal("failed", (string)failed["refund"]!["status"]!);
            Assert.Equal("cancelled", (string)failed["order"]!["status"]!);
        }
        finally { api.Stripe.Fail = false; }
        var retried = await (await staff.PutJson($"{Orders}/{id}/status", new { status = "cancelled" })).Ok();
        Assert.Equal("succeeded", (string)retried["refund"]!["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{Orders}/{id}/status", new { status = "cancelled" })).StatusCode);
    }

    [Fact]
    public async Task Sales_reps_see_only_their_orders_and_cannot_move_money()
    {
        var repUser = await api.CreateStaffAsync("sales_rep");
        var rep = await api.StaffClientAsync(repUser);
        var (mine, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        var (other, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        await api.Exec("update wholesale.orders set sales_rep_id = $1 where id = $2", repUser.Id, mine);

        var list = await (await rep.GetAsync($"{Orders}?per_page=200")).Ok();
        Assert.All(list["orders"]!.AsArray(), o => Assert.Equal(repUser.Id, (long)o!["sales_rep_id"]!));
        Assert.Contains(list["orders"]!.AsArray(), o => (long)o!["id"]! == mine);
        Assert.Equal(1, (long)list["total"]!);
        var asked = await (await rep.GetAsync($"{Orders}?rep_id=999999")).Ok();
        Assert.Equal(1, (long)asked["total"]!);

        Assert.Equal(HttpStatusCode.NotFound, (await rep.PutJson($"{Orders}/{other}/status", new { status = "confirmed" })).StatusCode);
        await (await rep.PutJson($"{Orders}/{mine}/status", new { status = "confirmed" })).Ok();
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJson($"{Orders}/{mine}/mark-paid", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJson($"{Orders}/{mine}/credit/apply", new { amount = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync($"{Orders}/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.StaffClientAsync("staff")).DeleteAsync($"{Orders}/{mine}")).StatusCode);
        await StaffOrdersKit.PayByCardAsync(api, mine);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutJson($"{Orders}/{mine}/status", new { status = "cancelled" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(Orders)).StatusCode);
    }

    [Fact]
    public async Task List_filters_by_status_dates_and_search()
    {
        var staff = await api.StaffClientAsync();
        var (id, number, _, _) = await StaffOrdersKit.OrderAsync(api);
        var found = await (await staff.GetAsync($"{Orders}?search={number[^6..].ToLowerInvariant()}")).Ok();
        Assert.Equal(id, (long)found["orders"]![0]!["id"]!);
        Assert.Equal(1, (int)found["page"]!);
        var pending = await (await staff.GetAsync($"{Orders}?status=pending&per_page=5")).Ok();
        Assert.All(pending["orders"]!.AsArray(), o => Assert.Equal("pending", (string)o!["status"]!));
        Assert.True((int)pending["pages"]! >= 1);
        var past = await (await staff.GetAsync($"{Orders}?from_date=2001-01-01&to_date=2001-01-31")).Ok();
        Assert.Equal(0, (long)past["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{Orders}?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{Orders}?per_page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{Orders}?from_date=2001-02-01&to_date=2001-01-01")).StatusCode);
    }

    [Fact]
    public async Task Manual_order_prices_overrides_duplicates_and_customer_upsert()
    {
        var staff = await api.StaffClientAsync("manager");
        var product = await api.CreateProductAsync(unitPrice: 12m, stock: 5, cost: 7m);
        var other = await api.CreateProductAsync(unitPrice: 3m);
        var phone = "+1312555" + Random.Shared.Next(1000, 9999);
        var number = "MAN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await (await staff.PostJson(Orders, Manual([new { product_id = product, quantity = 2 }, new { product_id = other, quantity = 1, unit_price = 2.5m }],
            new { order_number = number, created_at = "2025-03-04T10:00:00Z", delivery_fee = 5m, discount_amount = 1m, delivery_phone = phone,
                  delivery_email = "walkin@example.test", upsert_customer = true }))).Ok(HttpStatusCode.Created);
        var order = created["order"]!;
        Assert.Equal(number, (string)order["order_number"]!);
        Assert.Equal(26.5m, (decimal)order["subtotal"]!);
        Assert.Equal(30.5m, (decimal)order["total_amount"]!);
        Assert.Equal("paid", (string)order["payment_status"]!);
        Assert.Equal("net30", (string)order["payment_method"]!);
        Assert.Equal("Manually entered by staff", (string)order["staff_notes"]!);
        Assert.StartsWith("2025-03-04", (string)order["created_at"]!);
        Assert.NotNull(order["user_id"]);
        Assert.Equal(2, order["items"]!.AsArray().Count);
        Assert.Equal(3, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));

        // same phone: the same customer; duplicate number 409; future date 400; short stock 409 with nothing written
        var again = await (await staff.PostJson(Orders, Manual([new { product_id = other, quantity = 1 }],
            new { delivery_phone = phone, upsert_customer = true, payment_status = "unpaid" }))).Ok(HttpStatusCode.Created);
        Assert.Equal((long)order["user_id"]!, (long)again["order"]!["user_id"]!);
        Assert.Equal("unpaid", (string)again["order"]!["payment_status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson(Orders, Manual([new { product_id = other, quantity = 1 }], new { order_number = number }))).StatusCode);
        var future = await staff.PostJson(Orders, Manual([new { product_id = other, quantity = 1 }], new { created_at = DateTimeOffset.UtcNow.AddDays(2) }));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.NotNull((await future.Json())["details"]!["created_at"]);
        var before = await api.Scalar<long>("select count(*) from wholesale.orders");
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson(Orders, Manual([new { product_id = product, quantity = 50 }]))).StatusCode);
        Assert.Equal(before, await api.Scalar<long>("select count(*) from wholesale.orders"));
        var bad = await staff.PostJson(Orders, new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Json())["details"]!["delivery_name"]);

        var repUser = await api.CreateStaffAsync("sales_rep");
        var rep = await api.StaffClientAsync(repUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJson(Orders, Manual([new { product_id = other, quantity = 1 }], new { payment_status = "paid" }))).StatusCode);
        var byRep = await (await rep.PostJson(Orders, Manual([new { product_id = other, quantity = 1 }]))).Ok(HttpStatusCode.Created);
        Assert.Equal(repUser.Id, (long)byRep["order"]!["sales_rep_id"]!);
        Assert.Equal("unpaid", (string)byRep["order"]!["payment_status"]!);
    }

    [Fact]
    public async Task Mark_paid_handles_balance_overpayment_and_partial()
    {
        var staff = await api.StaffClientAsync("staff");
        var customer = await api.CreateCustomerAsync();
        var (id, _, _, total) = await StaffOrdersKit.OrderAsync(api, client: await api.CustomerClientAsync(customer));
        var partial = await (await staff.PostJson($"{Orders}/{id}/mark-paid", new { amount_received = 10m, payment_method = "cash" })).Ok();
        Assert.Equal("partial", (string)partial["order"]!["payment_status"]!);
        Assert.Equal(0m, (decimal)partial["overpayment_credited"]!);
        var over = await (await staff.PostJson($"{Orders}/{id}/mark-paid", new { amount_received = total, payment_method = "check", note = "check #12" })).Ok();
        Assert.Equal("paid", (string)over["order"]!["payment_status"]!);
        Assert.Equal("check", (string)over["order"]!["payment_method"]!);
        Assert.Contains("check #12", (string)over["order"]!["staff_notes"]!);
        Assert.Equal(10m, (decimal)over["overpayment_credited"]!);
        Assert.Equal(10m, await api.Scalar<decimal>("select store_credit from wholesale.customers where id = $1", customer.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{Orders}/{id}/mark-paid", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{Orders}/{id}/mark-paid", new { amount_received = -1 })).StatusCode);

        var (guest, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        var full = await (await staff.PostJson($"{Orders}/{guest}/mark-paid", new { amount_received = 0 })).Ok();
        Assert.Equal("paid", (string)full["order"]!["payment_status"]!);
        Assert.Equal("cash", (string)full["order"]!["payment_method"]!);
    }

    [Fact]
    public async Task Credit_apply_is_capped_by_the_balance_and_the_credit()
    {
        var staff = await api.StaffClientAsync("admin");
        var customer = await api.CreateCustomerAsync();
        var (id, _, _, total) = await StaffOrdersKit.OrderAsync(api, client: await api.CustomerClientAsync(customer));
        await (await staff.PostJson($"{WsKit.Base}/api/staff/users/{customer.Id}/credit/issue", new { amount = 20m, note = "goodwill" })).Ok();
        var applied = await (await staff.PostJson($"{Orders}/{id}/credit/apply", new { amount = 15m })).Ok();
        Assert.Equal(15m, (decimal)applied["credit_applied"]!);
        Assert.Equal(total - 15m, (decimal)applied["new_order_total"]!);
        Assert.Equal(5m, (decimal)applied["credit_balance"]!);
        Assert.Equal(-15m, (decimal)applied["transaction"]!["amount"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{Orders}/{id}/credit/apply", new { amount = 6m })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{Orders}/{id}/credit/apply", new { amount = total })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{Orders}/{id}/credit/apply", new { amount = 0 })).StatusCode);
        var (guest, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{Orders}/{guest}/credit/apply", new { amount = 1m })).StatusCode);
        Assert.Equal("partial", await api.Scalar<string>("select payment_status from wholesale.orders where id = $1", id));
    }

    [Fact]
    public async Task Notes_tracking_ships_address_changes_and_delete()
    {
        var staff = await api.StaffClientAsync("staff");
        var (id, _, product, _) = await StaffOrdersKit.OrderAsync(api, stock: 10, qty: 2);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{Orders}/{id}/notes", new { tracking_number = "1Z999" })).StatusCode);
        var notes = await (await staff.PutJson($"{Orders}/{id}/notes", new { staff_notes = "leave at back door", assigned_to = "Kim" })).Ok();
        Assert.Equal("leave at back door", (string)notes["order"]!["staff_notes"]!);

        var address = await (await staff.PutJson($"{Orders}/{id}/address", new { delivery_city = "Evanston", delivery_phone = "(312) 555-0199", delivery_zip = "60601" })).Ok();
        Assert.Equal(["delivery_city", "delivery_phone"], address["updated_fields"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("+13125550199", (string)address["order"]!["delivery_phone"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{Orders}/{id}/address", new { delivery_phone = "12" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutJson($"{Orders}/{id}/address", new { delivery_name = "" })).StatusCode);

        await (await staff.PutJson($"{Orders}/{id}/status", new { status = "confirmed" })).Ok();
        var shipped = await (await staff.PutJson($"{Orders}/{id}/notes", new { tracking_number = "1Z999" })).Ok();
        Assert.Equal("shipped", (string)shipped["order"]!["status"]!);
        Assert.Equal("1Z999", (string)shipped["order"]!["tracking_number"]!);
        Assert.NotNull(shipped["order"]!["shipped_at"]);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PutJson($"{Orders}/{id}/address", new { delivery_city = "Skokie" })).StatusCode);

        // delete: admin or manager; refused once money arrived; an open order gives its stock back
        var manager = await api.StaffClientAsync("manager");
        var (open, _, openProduct, _) = await StaffOrdersKit.OrderAsync(api, stock: 10, qty: 3);
        Assert.Equal(7, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", openProduct));
        await (await manager.DeleteAsync($"{Orders}/{open}")).Ok();
        Assert.Equal(10, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", openProduct));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"{Orders}/{open}")).StatusCode);
        var (paid, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        await StaffOrdersKit.PayByCardAsync(api, paid);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.DeleteAsync($"{Orders}/{paid}")).StatusCode);
    }
}
