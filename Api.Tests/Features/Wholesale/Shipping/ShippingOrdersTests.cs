using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Shipping;

/// <summary>The warehouse's order moves on the local carrier: every transition, the 409s, labels, void, delete, slip, list, stats.</summary>
public sealed class ShippingOrdersTests(ShippingFactory api) : IClassFixture<ShippingFactory>
{
    const string Orders = ShipKit.Orders;

    [Fact]
    public async Task An_order_goes_confirm_label_ship_deliver_with_who_and_when()
    {
        var staff = await api.CreateStaffAsync("staff");
        var client = await api.StaffClientAsync(staff);
        var number = await ShipKit.PlaceAsync(api);

        var confirmed = await ShipKit.Ok(await client.PostAsync($"{Orders}/{number}/confirm", null));
        Assert.True((bool)confirmed["success"]!);
        Assert.Equal("confirmed", (string?)confirmed["order"]!["status"]);
        Assert.Equal($"staff:{staff.Id}", (string?)confirmed["order"]!["status_changed_by"]);

        var label = await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label()));
        Assert.Equal("UPS", (string?)label["carrier"]);
        Assert.Equal("Ground", (string?)label["service"]);
        Assert.Equal("local", (string?)label["provider"]);
        Assert.Equal("packed", (string?)label["order_status"]);
        var tracking = (string)label["tracking_num"]!;
        Assert.StartsWith("LC", tracking);
        var url = (string)label["label_url"]!;
        Assert.StartsWith("data:application/pdf;base64,", url);
        var pdf = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(url["data:application/pdf;base64,".Length..]));
        Assert.StartsWith("%PDF-1.4", pdf);
        Assert.Contains("SAMPLE - NOT VALID FOR SHIPPING", pdf);
        Assert.Contains(tracking, pdf);
        // 64 oz, 12x10x8 in (dim weight 6.9 -> 7 lb), Chicago 606 -> Dallas 752: zone 4; 9.00 + 0.95 x 7 x 1.24 = 17.25
        Assert.Equal(17.25m, (decimal)label["rate"]!);
        Assert.True((long)label["label_id"]! > 0);

        var order = (await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}")))["order"]!;
        Assert.Equal("packed", (string?)order["status"]);
        Assert.Equal(tracking, (string?)order["tracking_number"]);
        Assert.Equal(17.25m, (decimal)order["shipping_cost"]!);
        Assert.Equal(1, (int)order["label_count"]!);

        var shipped = await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/ship", new { }));
        Assert.Equal("shipped", (string?)shipped["order"]!["status"]);
        Assert.Equal("outbox", (string?)shipped["sms_status"]);
        var text = await api.Scalar<string>("select body from wholesale.sms_messages where to_phone = '+13125550123' and purpose = 'order_shipped' and body like '%' || $1 || '%'", number);
        Assert.Contains(tracking, text);

        var track = await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/tracking-status"));
        Assert.Equal("in_transit", (string?)track["status"]);
        Assert.Equal("local", (string?)track["source"]);
        Assert.Equal(tracking, (string?)track["tracking_number"]);
        Assert.StartsWith("https://www.ups.com/track", (string?)track["public_url"]);

        var delivered = await ShipKit.Ok(await client.PostAsync($"{Orders}/{number}/deliver", null));
        Assert.Equal("delivered", (string?)delivered["order"]!["status"]);

        var events = await api.Scalar<string>("""
            select string_agg(from_status || '>' || to_status || ':' || actor_kind || ':' || actor_id, ',' order by id)
            from wholesale.order_events where order_id = (select id from wholesale.orders where order_number = $1) and kind = 'status'
            """, number);
        Assert.Equal($"pending>confirmed:staff:{staff.Id},confirmed>packed:staff:{staff.Id},packed>shipped:staff:{staff.Id},shipped>delivered:staff:{staff.Id}", events);
    }

    [Fact]
    public async Task Other_moves_are_409_and_unknown_orders_404()
    {
        var client = await api.StaffClientAsync("staff");
        var number = await ShipKit.PlaceAsync(api);
        await ShipKit.Fails(await client.PostJson($"{Orders}/{number}/ship", new { }), HttpStatusCode.Conflict);
        await ShipKit.Fails(await client.PostAsync($"{Orders}/{number}/deliver", null), HttpStatusCode.Conflict);
        await ShipKit.Fails(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label()), HttpStatusCode.Conflict);
        await ShipKit.Ok(await client.PostAsync($"{Orders}/{number}/confirm", null));
        var again = await ShipKit.Fails(await client.PostAsync($"{Orders}/{number}/confirm", null), HttpStatusCode.Conflict);
        Assert.Equal("confirmed", (string?)again["details"]!["status"]);
        await ShipKit.Fails(await client.PostJson($"{Orders}/{number}/ship", new { tracking_number = "1Z999AA10123456784", carrier = "UPS" }), HttpStatusCode.Conflict);
        await ShipKit.Fails(await client.PostAsync($"{Orders}/{number}/deliver", null), HttpStatusCode.Conflict);
        await api.Exec("update wholesale.orders set status = 'cancelled' where order_number = $1", number);
        await ShipKit.Fails(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label()), HttpStatusCode.Conflict);
        await ShipKit.Fails(await client.PostAsync($"{Orders}/LLD-0000000000/confirm", null), HttpStatusCode.NotFound);
        await ShipKit.Fails(await client.GetAsync($"{Orders}/LLD-0000000000"), HttpStatusCode.NotFound);
        await ShipKit.Fails(await client.GetAsync($"{Orders}/nonsense/packing-slip"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Confirm_is_409_while_flagged_or_awaiting_a_card_or_check_payment()
    {
        var client = await api.StaffClientAsync("staff");
        var flagged = await ShipKit.PlaceAsync(api, payment: "net30");   // a guest's net-30 order is flagged for review
        var rsp = await ShipKit.Fails(await client.PostAsync($"{Orders}/{flagged}/confirm", null), HttpStatusCode.Conflict);
        Assert.Equal(true, (bool?)rsp["details"]!["needs_review"]);
        var card = await ShipKit.PlaceAsync(api, payment: "card");
        rsp = await ShipKit.Fails(await client.PostAsync($"{Orders}/{card}/confirm", null), HttpStatusCode.Conflict);
        Assert.Equal("card", (string?)rsp["details"]!["payment_method"]);
        await api.Exec("update wholesale.orders set payment_status = 'paid' where order_number = $1", card);
        await ShipKit.Ok(await client.PostAsync($"{Orders}/{card}/confirm", null));

        // the default list holds cleared orders only
        var list = (await ShipKit.Ok(await client.GetAsync($"{Orders}?q={flagged}")))["orders"]!.AsArray();
        Assert.Empty(list);
        list = (await ShipKit.Ok(await client.GetAsync($"{Orders}?status=all&q={flagged}")))["orders"]!.AsArray();
        Assert.Single(list);
        Assert.True((bool)list[0]!["needs_review"]!);
        Assert.False((bool)list[0]!["ready_to_pick"]!);
    }

    [Fact]
    public async Task Several_parcels_a_missing_rate_and_void_after_shipping()
    {
        var staff = await api.CreateStaffAsync("staff");
        var client = await api.StaffClientAsync(staff);
        var number = await ShipKit.PlaceAsync(api);
        await ShipKit.Ok(await client.PostAsync($"{Orders}/{number}/confirm", null));

        var none = await ShipKit.Fails(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label("UPS", "Teleport")), HttpStatusCode.Conflict);
        var offered = none["details"]!["offered_rates"]!.AsArray();
        Assert.Contains(offered, o => (string?)o!["service"] == "Ground" && (string?)o["carrier"] == "UPS");
        Assert.Equal(0, await api.Scalar<long>("select count(*) from wholesale.shipping_labels l join wholesale.orders o on o.id = l.order_id where o.order_number = $1", number));
        Assert.Equal("confirmed", await api.Scalar<string>("select status from wholesale.orders where order_number = $1", number));

        var bought = await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label("USPS", "Priority", parcels: 2)));
        var labels = bought["labels"]!.AsArray();
        Assert.Equal(2, labels.Count);
        var total = (decimal)bought["rate"]!;
        Assert.Equal(total, labels.Sum(l => (decimal)l!["rate"]!));
        var listed = (await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/labels")))["labels"]!.AsArray();
        Assert.Equal(2, listed.Count);
        await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/ship", new { }));

        var first = labels[0]!;
        var voided = await ShipKit.Ok(await client.PostAsync($"{Orders}/{number}/labels/{(long)first["id"]!}/void", null));
        Assert.True((bool)voided["success"]!);
        Assert.Equal((string?)first["tracking_number"], (string?)voided["voided_tracking"]);
        Assert.Equal("refunded", (string?)voided["ep_refund_status"]);
        Assert.Null(voided["ep_error"]);
        Assert.Equal([(string)labels[1]!["tracking_number"]!], voided["remaining_tracking"]!.AsArray().Select(t => (string)t!));

        var order = (await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}")))["order"]!;
        Assert.Equal("shipped", (string?)order["status"]);
        Assert.Equal((string?)labels[1]!["tracking_number"], (string?)order["tracking_number"]);
        Assert.Equal(total - (decimal)first["rate"]!, (decimal)order["shipping_cost"]!);
        Assert.Single((await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/labels")))["labels"]!.AsArray());
        Assert.Equal($"staff:{staff.Id}", await api.Scalar<string>("select voided_by from wholesale.shipping_labels where id = $1", (long)first["id"]!));
        await ShipKit.Fails(await client.PostAsync($"{Orders}/{number}/labels/{(long)first["id"]!}/void", null), HttpStatusCode.NotFound);

        // the hard delete is for admins and managers
        var second = (long)labels[1]!["id"]!;
        await ShipKit.Fails(await client.DeleteAsync($"{Orders}/{number}/labels/{second}"), HttpStatusCode.Forbidden);
        var admin = await api.StaffClientAsync("manager");
        Assert.True((bool)(await ShipKit.Ok(await admin.DeleteAsync($"{Orders}/{number}/labels/{second}")))["success"]!);
        await ShipKit.Fails(await admin.DeleteAsync($"{Orders}/{number}/labels/{second}"), HttpStatusCode.NotFound);
        Assert.Equal(1, await api.Scalar<long>("select count(*) from wholesale.audit_log where action = 'shipping_label.delete' and entity_id = $1", second.ToString()));
        order = (await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}")))["order"]!;
        Assert.Null(order["tracking_number"]);
        Assert.Equal(0m, (decimal)order["shipping_cost"]!);
    }

    [Fact]
    public async Task Label_input_is_checked_field_by_field()
    {
        var client = await api.StaffClientAsync("staff");
        var number = await ShipKit.PlaceAsync(api);
        var bad = await ShipKit.Fails(await client.PostJson($"{Orders}/{number}/label", new
        {
            carrier = "", from_address = new { street1 = "" }, parcels = new[] { new { weight = -1 } }, insurance = 1.234,
        }), HttpStatusCode.BadRequest);
        var details = bad["details"]!.ToJsonString();
        foreach (var field in new[] { "carrier", "service", "to_address", "insurance", "weight" }) Assert.Contains(field, details);
    }

    [Fact]
    public async Task The_packing_slip_carries_no_price()
    {
        var client = await api.StaffClientAsync("staff");
        var number = await ShipKit.PlaceAsync(api, qty: 3);
        var slip = (await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/packing-slip")))["slip"]!.AsObject();
        Assert.Equal(["order_number", "status", "created_at", "delivery_name", "delivery_company", "delivery_address", "delivery_city",
            "delivery_state", "delivery_zip", "delivery_phone", "special_notes", "tracking_number", "carrier", "item_count", "items"],
            slip.Select(kv => kv.Key));
        Assert.Equal(number, (string?)slip["order_number"]);
        Assert.Equal("Pat Buyer", (string?)slip["delivery_name"]);
        Assert.Equal("1 Main St", (string?)slip["delivery_address"]);
        Assert.Equal("Chicago", (string?)slip["delivery_city"]);
        Assert.Equal("IL", (string?)slip["delivery_state"]);
        Assert.Equal("60601", (string?)slip["delivery_zip"]);
        Assert.Equal(3, (int)slip["item_count"]!);
        var item = slip["items"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["product_id", "product_name", "product_sku", "product_brand", "product_unit_size", "quantity"], item.Select(kv => kv.Key));
        Assert.Equal(3, (int)item["quantity"]!);
        Assert.Equal("TestBrand", (string?)item["product_brand"]);
        var all = slip.ToJsonString();
        foreach (var word in new[] { "price", "total", "cost", "amount", "payment", "20.0", "60.0" }) Assert.DoesNotContain(word, all);
    }

    [Fact]
    public async Task The_list_filters_sorts_and_refuses_unknown_values()
    {
        var client = await api.StaffClientAsync("staff");
        var a = await ShipKit.PlaceAsync(api);
        var b = await ShipKit.PlaceAsync(api);
        await ShipKit.Ok(await client.PostAsync($"{Orders}/{b}/confirm", null));
        var list = (await ShipKit.Ok(await client.GetAsync($"{Orders}?limit=500")))["orders"]!.AsArray();
        var numbers = list.Select(o => (string)o!["order_number"]!).ToList();
        Assert.Contains(a, numbers);
        Assert.Contains(b, numbers);
        Assert.All(list, o => Assert.Contains((string)o!["status"]!, new[] { "pending", "confirmed", "packed" }));
        var confirmed = (await ShipKit.Ok(await client.GetAsync($"{Orders}?status=confirmed&sort=order_number&dir=desc&limit=500")))["orders"]!.AsArray();
        Assert.All(confirmed, o => Assert.Equal("confirmed", (string?)o!["status"]));
        var sorted = confirmed.Select(o => (string)o!["order_number"]!).ToList();
        Assert.Equal(sorted.OrderByDescending(x => x, StringComparer.Ordinal), sorted);
        var bad = await ShipKit.Fails(await client.GetAsync($"{Orders}?status=lost&sort=password_hash&dir=sideways"), HttpStatusCode.BadRequest);
        var details = bad["details"]!.ToJsonString();
        Assert.Contains("status", details);
        Assert.Contains("sort", details);
        Assert.Contains("dir", details);
    }

    [Fact]
    public async Task Stats_count_in_the_business_day_and_roles_are_checked()
    {
        var client = await api.StaffClientAsync("sales_rep");
        var stats = await ShipKit.Ok(await client.GetAsync($"{WsKit.Base}/api/shipping/stats"));
        Assert.Equal(["shipped_today", "in_transit", "delivered_7d"], stats.AsObject().Select(kv => kv.Key));
        var before = (int)stats["shipped_today"]!;
        var number = await ShipKit.PlaceAsync(api);
        await api.Exec("update wholesale.orders set status = 'packed' where order_number = $1", number);
        await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/ship", new { tracking_number = "1Z999AA10123456784", carrier = "UPS" }));
        stats = await ShipKit.Ok(await client.GetAsync($"{WsKit.Base}/api/shipping/stats"));
        Assert.Equal(before + 1, (int)stats["shipped_today"]!);

        var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{WsKit.Base}/api/shipping/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Orders)).StatusCode);
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync(Orders)).StatusCode);
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await key.PostAsync($"{Orders}/{number}/deliver", null)).StatusCode);

        // a typed-in UPS number without UPS configured: unknown, with UPS's public link
        var track = await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/tracking-status"));
        Assert.Equal("unknown", (string?)track["status"]);
        Assert.Equal("https://www.ups.com/track?tracknum=1Z999AA10123456784", (string?)track["public_url"]);
    }
}
