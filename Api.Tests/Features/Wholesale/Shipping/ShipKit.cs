using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Features.Wholesale.Orders;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Shipping;

/// <summary>The API on the local carrier (no EasyPost key), with the ordering limits raised.</summary>
public class ShippingFactory : ApiFactory
{
    protected virtual IDictionary<string, string?> More => new Dictionary<string, string?>();
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var s = new Dictionary<string, string?>
            {
                ["RateLimits:wholesale_ordering:PermitLimit"] = "100000",
                ["RateLimits:wholesale_tracking:PermitLimit"] = "100000",
            };
            foreach (var (k, v) in More) s[k] = v;
            return s;
        }
    }
}

public static class ShipKit
{
    public const string Orders = $"{WsKit.Base}/api/shipping/orders";

    /// <summary>Places an order (cash by default: cleared for picking) and returns its number.</summary>
    public static async Task<string> PlaceAsync(ApiFactory api, string payment = "cash", string? phone = "+13125550123", int qty = 2)
    {
        var product = await api.CreateProductAsync(unitPrice: 20m, cost: 11m);
        var order = await OrderKit.PlaceAsync(api.CreateClient(), OrderKit.Delivery([new { product_id = product, quantity = qty }], payment, phone: phone));
        return (string)order["order_number"]!;
    }

    public static object Label(string carrier = "UPS", string service = "Ground", int parcels = 1, decimal? insurance = null) => new
    {
        carrier, service, insurance,
        from_address = new { name = "LLD Warehouse", street1 = "100 Supply Way", city = "Chicago", state = "IL", zip = "60608", country = "US", phone = "3125550100" },
        to_address = new { name = "Pat Buyer", company = "Test Bistro", street1 = "1 Main St", city = "Dallas", state = "TX", zip = "75201", country = "US" },
        parcels = Enumerable.Range(0, parcels).Select(i => new { length = 12, width = 10, height = 8, weight = 64 + i * 16 }).ToArray(),
    };

    public static async Task<JsonNode> Ok(HttpResponseMessage rsp, HttpStatusCode status = HttpStatusCode.OK)
    {
        var json = await rsp.Json();
        Assert.True(rsp.StatusCode == status, $"{rsp.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    public static async Task<JsonNode> Fails(HttpResponseMessage rsp, HttpStatusCode status)
    {
        var json = await rsp.Json();
        Assert.True(rsp.StatusCode == status, $"{rsp.StatusCode}: {json.ToJsonString()}");
        Assert.False((bool)json["success"]!);
        Assert.NotNull(json["error"]);
        return json;
    }
}
