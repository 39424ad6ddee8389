using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Orders;

public sealed class CreateAccountTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    const string Url = $"{WsKit.Base}/api/orders/create-account";

    static object Body(string email, string? orderNumber) => new
    {
        email, password = "Secret-pass-1", delivery_name = "Jo Chef", delivery_address = "9 Oak Ave", delivery_city = "Austin",
        delivery_state = "TX", delivery_zip = "73301", delivery_phone = "512-555-0142", delivery_company = "Jo's Diner", order_number = orderNumber,
    };

    [Fact]
    public async Task Links_only_a_guest_order_with_the_same_email()
    {
        var email = WsKit.Unique("chef") + "@diner.test";
        var (mine, _) = await OrderKit.OrderAsync(api, email: email.ToUpperInvariant());
        var (theirs, _) = await OrderKit.OrderAsync(api, email: "someone-else@diner.test");

        var rsp = await api.CreateClient().PostJson(Url, Body(email, mine));
        Assert.Equal(HttpStatusCode.Created, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.True((bool)body["order_linked"]!);
        var user = body["user"]!;
        Assert.Equal(email, (string?)user["email"]);
        Assert.Equal("Jo", (string?)user["first_name"]);
        Assert.Equal("+15125550142", (string?)user["phone"]);
        Assert.False((bool)user["email_verified"]!);
        var id = (long)user["id"]!;
        Assert.Equal(id, await api.Scalar<long>("select customer_id from wholesale.orders where order_number = $1", mine));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.auth_tokens where subject_id = $1 and purpose = 'verify_email'", id));
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.order_events e join wholesale.orders o on o.id = e.order_id where o.order_number = $1 and e.kind = 'link'
            """, mine));

        Assert.Equal(HttpStatusCode.Conflict, (await api.CreateClient().PostJson(Url, Body(email.ToUpperInvariant(), null))).StatusCode);

        var other = WsKit.Unique("cook") + "@diner.test";
        var second = await api.CreateClient().PostJson(Url, Body(other, theirs));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False((bool)(await second.Json())["order_linked"]!);
        Assert.True(await api.Scalar<bool>("select customer_id is null from wholesale.orders where order_number = $1", theirs));
        // an order that already belongs to an account is never moved
        Assert.False((bool)(await (await api.CreateClient().PostJson(Url, Body(WsKit.Unique("x") + "@diner.test", mine))).Json())["order_linked"]!);

        var bad = await api.CreateClient().PostJson(Url, new { email = "nope", password = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await bad.Json())["details"]!;
        Assert.NotNull(details["email"]);
        Assert.NotNull(details["password"]);
        Assert.NotNull(details["delivery_name"]);
    }
}
