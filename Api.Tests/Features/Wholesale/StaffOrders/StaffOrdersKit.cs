using System.Net;
using System.Text.Json.Nodes;
using Api.Infrastructure.Database;
using Api.Tests.Features.Wholesale.Orders;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.StaffOrders;

public sealed class StaffOrdersFactory : OrdersFactory
{
    public FakeRefunds Stripe { get; } = new();
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Wholesale:Stripe:SecretKey"] = "sk_test_wholesale_fake", ["Wholesale:Stripe:BaseUrl"] = Stripe.Url,
    };
}

public static class StaffOrdersKit
{
    /// <summary>A web order of a fresh tracked product (stock 10); returns the order's id, number, product id and total.</summary>
    public static async Task<(long Id, string Number, long Product, decimal Total)> OrderAsync(ApiFactory api, int stock = 10, int qty = 3,
        decimal price = 20m, HttpClient? client = null, decimal? cost = null)
    {
        var product = await api.CreateProductAsync(unitPrice: price, stock: stock, cost: cost);
        var order = await OrderKit.PlaceAsync(client ?? api.CreateClient(), OrderKit.Delivery([new { product_id = product, quantity = qty }]));
        return ((long)order["id"]!, (string)order["order_number"]!, product, (decimal)order["total_amount"]!);
    }

    /// <summary>Records a succeeded card payment of the whole total (as the core's Stripe confirm does).</summary>
    public static async Task<string> PayByCardAsync(ApiFactory api, long orderId)
    {
        var intent = "pi_" + Guid.NewGuid().ToString("N")[..20];
        await api.Exec("""
            with o as (select id, customer_id, total_amount from wholesale.orders where id = $1)
            insert into wholesale.payments (order_id, customer_id, method, amount, status, stripe_payment_intent_id)
            select id, customer_id, 'card', total_amount, 'succeeded', $2 from o
            """, orderId, intent);
        await api.Exec("update wholesale.orders set amount_paid = total_amount, payment_status = 'paid', payment_method = 'card' where id = $1", orderId);
        return intent;
    }

    public static async Task<T> WithDb<T>(this ApiFactory api, Func<AppDb, Task<T>> work)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public static async Task<JsonNode> Ok(this HttpResponseMessage rsp, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var json = await rsp.Json();
        Assert.True(rsp.StatusCode == expected, $"{rsp.StatusCode}: {json.ToJsonString()}");
        return json;
    }
}
