using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Orders;

/// <summary>Factories with the ordering/tracking limits raised (tests place many orders from one address) and order helpers.</summary>
public class OrdersFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:wholesale_ordering:PermitLimit"] = "100000",
        ["RateLimits:wholesale_tracking:PermitLimit"] = "100000",
        ["RateLimits:wholesale_signin:PermitLimit"] = "100000",
    };
}

public static class OrderKit
{
    public static object Delivery(object[] items, string? paymentMethod = "card", string? email = null, string? phone = null) => new
    {
        items, delivery_name = "Pat Buyer", delivery_address = "1 Main St", delivery_city = "Chicago", delivery_state = "IL",
        delivery_zip = "60601", delivery_email = email, delivery_phone = phone, payment_method = paymentMethod,
    };

    /// <summary>Places an order and returns its JSON (asserting 201).</summary>
    public static async Task<JsonNode> PlaceAsync(HttpClient client, object body)
    {
        var rsp = await client.PostJson($"{WsKit.Base}/api/orders", body);
        var json = await rsp.Json();
        Assert.True(rsp.StatusCode == HttpStatusCode.Created, $"{rsp.StatusCode}: {json.ToJsonString()}");
        return json["order"]!;
    }

    /// <summary>A fresh product and a placed order of it; returns the order number and total.</summary>
    public static async Task<(string Number, decimal Total)> OrderAsync(ApiFactory api, HttpClient? client = null, decimal price = 40m, int qty = 2,
        string? email = null)
    {
        var product = await api.CreateProductAsync(unitPrice: price);
        var order = await PlaceAsync(client ?? api.CreateClient(), Delivery([new { product_id = product, quantity = qty }], email: email));
        return ((string)order["order_number"]!, (decimal)order["total_amount"]!);
    }
}
