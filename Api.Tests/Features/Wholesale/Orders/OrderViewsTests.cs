using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Orders;

/// <summary>GET /api/orders, GET /api/orders/{n}, reorder, by-phone: customers see only their own orders; signed out, tracking views.</summary>
public sealed class OrderViewsTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    const string Orders = $"{WsKit.Base}/api/orders";

    [Fact]
    public async Task Customer_A_never_reaches_B_orders()
    {
        var a = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        var bCustomer = await api.CreateCustomerAsync();
        var b = await api.CustomerClientAsync(bCustomer);
        var (aNumber, _) = await OrderKit.OrderAsync(api, a);
        var (bNumber, bTotal) = await OrderKit.OrderAsync(api, b, price: 15m, qty: 3);
        var (guestNumber, _) = await OrderKit.OrderAsync(api);

        var list = (await (await a.GetAsync(Orders)).Json()).AsArray();
        Assert.Equal([aNumber], list.Select(o => (string)o!["order_number"]!));
        Assert.Equal(2, (int)list[0]!["item_count"]!);
        Assert.Single(list[0]!["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"{Orders}/{bNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"{Orders}/{guestNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"{Orders}/{bNumber}/reorder", null)).StatusCode);
        var own = await (await b.GetAsync($"{Orders}/{bNumber}")).Json();
        Assert.Equal(bCustomer.Id, (long)own["order"]!["user_id"]!);
        Assert.Equal(bTotal, (decimal)own["order"]!["total_amount"]!);
        Assert.Equal(3, (int)own["order"]!["items"]![0]!["quantity"]!);

        // signed out: the tracking view, without the account id
        var tracked = await api.CreateClient().GetAsync($"{Orders}/{bNumber}");
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        var view = (await tracked.Json())["order"]!;
        Assert.Null(view["user_id"]);
        Assert.Equal("pending", (string?)view["status"]);
        Assert.True(tracked.Headers.Contains("X-RateLimit-Limit"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"{Orders}/LLD-NOSUCHORDR")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"{Orders}/bad%20number!")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(Orders)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync($"{Orders}/{bNumber}/reorder", null)).StatusCode);
    }

    [Fact]
    public async Task Reorder_returns_the_lines_at_todays_prices()
    {
        var customer = await api.CreateCustomerAsync();
        var client = await api.CustomerClientAsync(customer);
        var p = await api.CreateProductAsync(unitPrice: 10m, bulkPrice: 9m, bulkQuantity: 12);
        var gone = await api.CreateProductAsync(unitPrice: 4m);
        var order = await OrderKit.PlaceAsync(client, OrderKit.Delivery([new { product_id = p, quantity = 4 }, new { product_id = gone, quantity = 1 }]));
        await api.Exec("update wholesale.products set unit_price = 11 where id = $1", p);
        await api.Exec("update wholesale.products set deleted_at = now() where id = $1", gone);

        var rsp = await client.PostAsync($"{Orders}/{(string)order["order_number"]!}/reorder", null);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        var item = Assert.Single(body["items"]!.AsArray())!;
        Assert.Equal(p, (long)item["product_id"]!);
        Assert.Equal(4, (int)item["quantity"]!);
        Assert.Equal(11m, (decimal)item["unit_price"]!);
        Assert.Equal(9m, (decimal)item["bulk_price"]!);
        Assert.Equal(12, (int)item["bulk_quantity"]!);
    }

    [Fact]
    public async Task By_phone_lists_slim_orders_for_a_normalised_number()
    {
        var phone = $"(312) 555-{Random.Shared.Next(1000, 9999)}";
        var p = await api.CreateProductAsync(unitPrice: 7m);
        var order = await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery([new { product_id = p, quantity = 2 }], phone: phone));
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());

        var rsp = await api.CreateClient().GetAsync($"{Orders}/by-phone/{digits}");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var hit = (await rsp.Json()).AsArray().Single(o => (string)o!["order_number"]! == (string)order["order_number"]!)!;
        Assert.Equal(2, (int)hit["item_count"]!);
        Assert.Null(hit["items"]);
        Assert.Null(hit["user_id"]);
        Assert.Equal("+1" + digits, await api.Scalar<string>("select delivery_phone from wholesale.orders where order_number = $1", (string)order["order_number"]!));

        Assert.Empty((await (await api.CreateClient().GetAsync($"{Orders}/by-phone/2125550000")).Json()).AsArray());
        var bad = await api.CreateClient().GetAsync($"{Orders}/by-phone/abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.False((bool)(await bad.Json())["success"]!);
    }
}

/// <summary>The documented limits, with the default configuration.</summary>
public sealed class TrackingLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Signed_out_tracking_is_limited_to_20_a_minute_but_signed_in_customers_are_not()
    {
        var customer = await api.CreateCustomerAsync();
        var client = await api.CustomerClientAsync(customer);
        var (number, _) = await OrderKit.OrderAsync(api, client);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++) statuses.Add((await api.CreateClient().GetAsync($"{WsKit.Base}/api/orders/{number}")).StatusCode);
        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        var limited = await api.CreateClient().GetAsync($"{WsKit.Base}/api/orders/{number}");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.False((bool)(await limited.Json())["success"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{WsKit.Base}/api/orders/{number}")).StatusCode);
    }
}
