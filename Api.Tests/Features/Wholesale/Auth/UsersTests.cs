using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Auth;

/// <summary>/api/users*: a customer reaches only their own record; others are 404.</summary>
public sealed class UsersTests(WsAuthApi api) : IClassFixture<WsAuthApi>
{
    [Fact]
    public async Task Users_answers_the_callers_own_record()
    {
        var a = await api.CreateCustomerAsync();
        var client = await api.CustomerClientAsync(a);
        var list = await client.GetAsync($"{AuthKit.B}/api/users");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(a.Id, (long)(await list.Json())["user"]!["id"]!);
        var one = await client.GetAsync($"{AuthKit.B}/api/users/{a.Id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(a.Username, (string)(await one.Json())["user"]!["username"]!);
        Assert.Null((await one.Json())["user"]!["password_hash"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().GetAsync($"{AuthKit.B}/api/users")).StatusCode);
    }

    [Fact]
    public async Task Customer_A_cannot_read_update_or_delete_B()
    {
        var a = await api.CreateCustomerAsync();
        var b = await api.CreateCustomerAsync();
        var client = await api.CustomerClientAsync(a);

        var read = await client.GetAsync($"{AuthKit.B}/api/users/{b.Id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.False((bool)(await read.Json())["success"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutJson($"{AuthKit.B}/api/users/{b.Id}", new { company_name = "Hijacked" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{AuthKit.B}/api/users/{b.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{AuthKit.B}/api/users/999999999")).StatusCode);

        Assert.Equal("Test Bistro", await api.Scalar<string>("select company_name from wholesale.customers where id = $1", b.Id));
        Assert.False(await api.Scalar<bool>("select deleted_at is not null from wholesale.customers where id = $1", b.Id));
    }

    [Fact]
    public async Task Put_writes_only_the_listed_fields()
    {
        var a = await api.CreateCustomerAsync();
        var client = await api.CustomerClientAsync(a);
        var rsp = await client.PutJson($"{AuthKit.B}/api/users/{a.Id}", new
        {
            company_name = "New Name LLC", phone = "312.555.0142", shipping_address = "1 Dock St, Chicago IL",
            username = "taken_over", payment_terms = "net30", account_approved = true, credit_limit = 100000, email_verified = true,
        });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var user = (await rsp.Json())["user"]!;
        Assert.Equal("New Name LLC", (string)user["company_name"]!);
        Assert.Equal("+13125550142", (string)user["phone"]!);
        Assert.Equal("1 Dock St, Chicago IL", (string)user["shipping_address"]!);
        Assert.Equal(a.Username, (string)user["username"]!);
        Assert.Equal("prepaid", (string)user["payment_terms"]!);
        Assert.Equal("prepaid", await api.Scalar<string>("select payment_terms from wholesale.customers where id = $1", a.Id));
        Assert.False(await api.Scalar<bool>("select account_approved from wholesale.customers where id = $1", a.Id));
        Assert.Equal(0m, await api.Scalar<decimal>("select credit_limit from wholesale.customers where id = $1", a.Id));
        Assert.Equal(a.Email, (string)user["email"]!);   // absent: unchanged

        var (bad, badBody) = (await client.PutJson($"{AuthKit.B}/api/users/{a.Id}", new { phone = "no phone", email = "not-an-email" }), 0);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Changing_the_email_needs_a_new_verification_and_refuses_a_taken_one()
    {
        var a = await api.CreateCustomerAsync();
        var b = await api.CreateCustomerAsync();
        var client = await api.CustomerClientAsync(a);
        var taken = await client.PutJson($"{AuthKit.B}/api/users/{a.Id}", new { email = b.Email });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        var fresh = WsKit.Unique("new_") + "@example.test";
        var rsp = await client.PutJson($"{AuthKit.B}/api/users/{a.Id}", new { email = fresh });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["user"]!["email_verified"]!);
        await api.DrainAsync();
        Assert.Equal(1L, await api.MailCount(fresh, "wholesale.verify_email"));
    }

    [Fact]
    public async Task Delete_erases_personal_data_unlinks_orders_ends_sessions_and_answers_204()
    {
        var a = await api.CreateCustomerAsync(phone: "+13125550177");
        var session = await api.LoginAsync(a);
        var orderId = await api.Scalar<long>("""
            insert into wholesale.orders (order_number, customer_id, delivery_name, delivery_email) values ($1, $2, 'Pat Buyer', $3) returning id
            """, WsKit.Unique("ORD-"), a.Id, a.Email);

        var rsp = await api.WithCookie(session).DeleteAsync($"{AuthKit.B}/api/users/{a.Id}");
        Assert.Equal(HttpStatusCode.NoContent, rsp.StatusCode);
        Assert.Equal("", await rsp.Content.ReadAsStringAsync());

        Assert.True(await api.Scalar<bool>("""
            select deleted_at is not null and username is null and email is null and password_hash is null and phone is null
               and first_name is null and company_name is null
            from wholesale.customers where id = $1
            """, a.Id));
        Assert.True(await api.Scalar<bool>("select customer_id is null from wholesale.orders where id = $1", orderId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.WithCookie(session).GetAsync($"{AuthKit.B}/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Raw().Post("/api/login", new { username = a.Username, password = a.Password })).StatusCode);
        // the username is free again
        Assert.Equal(HttpStatusCode.Created, (await api.Raw().Post("/api/register", new { username = a.Username, email = a.Email, password = "secret-12" })).StatusCode);
    }
}
