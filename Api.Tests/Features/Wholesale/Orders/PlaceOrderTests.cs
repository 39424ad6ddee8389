using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Orders;

public sealed class PlaceOrderTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    const string Orders = $"{WsKit.Base}/api/orders";

    [Fact]
    public async Task Prices_come_from_the_catalog_with_bulk_price_and_delivery_fee()
    {
        var a = await api.CreateProductAsync(unitPrice: 10m, bulkPrice: 8m, bulkQuantity: 5, cost: 6m);
        var bSku = WsKit.Unique("SKU-B");
        await api.CreateProductAsync(unitPrice: 20m, sku: bSku);
        var order = await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery(
            [new { product_id = a, quantity = 5, unit_price = 0.01m }, new { sku = bSku.ToLowerInvariant(), quantity = 1, unit_price = 0.01m }]));

        Assert.Equal(60m, (decimal)order["subtotal"]!);
        Assert.Equal(25m, (decimal)order["delivery_fee"]!);
        Assert.Equal(85m, (decimal)order["total_amount"]!);
        Assert.Equal("pending", (string?)order["status"]);
        Assert.Equal("unpaid", (string?)order["payment_status"]);
        Assert.Null(order["user_id"]);
        var first = order["items"]![0]!;
        Assert.Equal(8m, (decimal)first["unit_price"]!);
        Assert.True((bool)first["is_bulk_price"]!);
        Assert.Equal(40m, (decimal)first["line_total"]!);
        Assert.False((bool)order["items"]![1]!["is_bulk_price"]!);
        var number = (string)order["order_number"]!;
        Assert.Matches("^LLD-[0-9A-Z]{10}$", number);

        Assert.Equal(6m, await api.Scalar<decimal>("""
            select i.unit_cost from wholesale.order_items i join wholesale.orders o on o.id = i.order_id where o.order_number = $1 and i.product_id = $2
            """, number, a));
        Assert.Equal("created", await api.Scalar<string>("""
            select e.kind from wholesale.order_events e join wholesale.orders o on o.id = e.order_id where o.order_number = $1 order by e.id limit 1
            """, number));
    }

    [Fact]
    public async Task Delivery_is_free_from_300()
    {
        var p = await api.CreateProductAsync(unitPrice: 10m);
        var order = await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery([new { product_id = p, quantity = 30 }]));
        Assert.Equal(0m, (decimal)order["delivery_fee"]!);
        Assert.Equal(300m, (decimal)order["total_amount"]!);
    }

    [Fact]
    public async Task Stock_is_reserved_with_a_ledger_row_and_short_lines_are_409()
    {
        var p = await api.CreateProductAsync(unitPrice: 5m, stock: 5);
        var untracked = await api.CreateProductAsync(unitPrice: 5m);
        var order = await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery([new { product_id = p, quantity = 3 }, new { product_id = untracked, quantity = 50 }]));
        Assert.Equal(2, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", p));
        Assert.Equal(-3, await api.Scalar<int>("select delta from wholesale.inventory_ledger where product_id = $1", p));
        Assert.Equal(2, await api.Scalar<int>("select balance_after from wholesale.inventory_ledger where product_id = $1", p));
        Assert.Equal((long)order["id"]!, await api.Scalar<long>("select order_id from wholesale.inventory_ledger where product_id = $1", p));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1", untracked));

        var rsp = await api.CreateClient().PostJson(Orders, OrderKit.Delivery([new { product_id = untracked, quantity = 1 }, new { product_id = p, quantity = 3 }]));
        Assert.Equal(HttpStatusCode.Conflict, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.False((bool)body["success"]!);
        var shortLine = Assert.Single(body["details"]!["short_items"]!.AsArray())!;
        Assert.Equal(p, (long)shortLine["product_id"]!);
        Assert.Equal(3, (int)shortLine["requested"]!);
        Assert.Equal(2, (int)shortLine["available"]!);
        Assert.Equal(2, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", p));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1", p));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.order_items where product_id = $1", untracked));   // the refused order left nothing

        await api.Exec("update wholesale.products set in_stock = false where id = $1", untracked);
        Assert.Equal(HttpStatusCode.Conflict, (await api.CreateClient().PostJson(Orders, OrderKit.Delivery([new { product_id = untracked, quantity = 1 }]))).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_400_with_details()
    {
        var c = api.CreateClient();
        var empty = await c.PostJson(Orders, OrderKit.Delivery([]));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.Json())["details"]!["items"]);

        var unknown = await c.PostJson(Orders, OrderKit.Delivery([new { product_id = 987654321, quantity = 1 }]));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await unknown.Json())["details"]!["items[0].product_id"]);

        var p = await api.CreateProductAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJson(Orders, OrderKit.Delivery([new { product_id = p, quantity = 0 }]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJson(Orders, OrderKit.Delivery([new { product_id = p, quantity = 1 }], phone: "call me"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJson(Orders, OrderKit.Delivery([new { product_id = p, quantity = 1 }], paymentMethod: "bitcoin"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJson(Orders, new { items = new[] { new { product_id = p, quantity = 1 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJson(Orders, OrderKit.Delivery([null!]))).StatusCode);
        var garbage = await c.PostAsync(Orders, new StringContent("{\"items\": 5", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        await api.Exec("update wholesale.products set is_active = false where id = $1", p);
        Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJson(Orders, OrderKit.Delivery([new { product_id = p, quantity = 1 }]))).StatusCode);
    }

    [Fact]
    public async Task Net30_needs_an_approved_account_within_credit()
    {
        var p = await api.CreateProductAsync(unitPrice: 100m);
        object Net30() => OrderKit.Delivery([new { product_id = p, quantity = 1 }], paymentMethod: null);   // the documented default

        var approved = await api.CreateCustomerAsync(terms: "net30", approved: true, creditLimit: 250m);
        var client = await api.CustomerClientAsync(approved);
        var first = await OrderKit.PlaceAsync(client, Net30());
        Assert.Equal("net30", (string?)first["payment_method"]);
        Assert.False((bool)first["needs_review"]!);
        Assert.Equal(approved.Id, (long)first["user_id"]!);
        var second = await OrderKit.PlaceAsync(client, Net30());   // 125 + 125 = 250: still within the limit
        Assert.False((bool)second["needs_review"]!);
        var third = await OrderKit.PlaceAsync(client, Net30());    // over the limit
        Assert.True((bool)third["needs_review"]!);
        Assert.Equal("pending", (string?)third["status"]);
        Assert.Contains("exceeds available credit", await api.Scalar<string>("select review_reason from wholesale.orders where order_number = $1", (string)third["order_number"]!));
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.order_events e join wholesale.orders o on o.id = e.order_id where o.order_number = $1 and e.kind = 'review'
            """, (string)third["order_number"]!));

        // paying an order frees its credit (the flagged one counts until it is cancelled)
        await api.Exec("update wholesale.orders set payment_status = 'paid', amount_paid = total_amount where order_number = $1", (string)first["order_number"]!);
        Assert.True((bool)(await OrderKit.PlaceAsync(client, Net30()))["needs_review"]!);
        await api.Exec("update wholesale.orders set status = 'cancelled' where customer_id = $1 and needs_review", approved.Id);
        Assert.False((bool)(await OrderKit.PlaceAsync(client, Net30()))["needs_review"]!);

        var unapproved = await api.CreateCustomerAsync(terms: "net30", approved: false, creditLimit: 10_000m);
        var flagged = await OrderKit.PlaceAsync(await api.CustomerClientAsync(unapproved), Net30());
        Assert.True((bool)flagged["needs_review"]!);
        Assert.Contains("not approved", await api.Scalar<string>("select review_reason from wholesale.orders where order_number = $1", (string)flagged["order_number"]!));

        var prepaid = await api.CreateCustomerAsync(terms: "prepaid", approved: true, creditLimit: 10_000m);
        Assert.True((bool)(await OrderKit.PlaceAsync(await api.CustomerClientAsync(prepaid), Net30()))["needs_review"]!);
        Assert.True((bool)(await OrderKit.PlaceAsync(api.CreateClient(), Net30()))["needs_review"]!);   // a guest
        Assert.False((bool)(await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery([new { product_id = p, quantity = 1 }], paymentMethod: "card")))["needs_review"]!);
    }
}
