using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Sourcing;

static class SourcingKit
{
    public const string S = WsKit.Base + "/api/sourcing";

    public static async Task<JsonNode> Ok(this Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var rsp = await call;
        var body = await rsp.Content.ReadAsStringAsync();
        Assert.True(rsp.StatusCode == expected, $"{(int)rsp.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<long> SupplierAsync(HttpClient c, string? category = null, int? leadTime = null, int rating = 4, string? name = null) =>
        (long)(await c.PostJson($"{S}/suppliers", new
        {
            name = name ?? WsKit.Unique("Supplier "), platform = "Alibaba", product_categories = category is null ? Array.Empty<string>() : [category],
            rating, lead_time_days = leadTime,
        }).Ok(HttpStatusCode.Created))["supplier"]!["id"]!;

    public static async Task<JsonNode> RfqAsync(HttpClient c, object? body = null) =>
        (await c.PostJson($"{S}/rfqs", body ?? new { description = "Custom printed cups", quantity = 5000, target_unit_price = 0.12m })
            .Ok(HttpStatusCode.Created))["rfq"]!;

    public static async Task<JsonNode> ShipmentAsync(HttpClient c, object body) =>
        (await c.PostJson($"{S}/shipments", body).Ok(HttpStatusCode.Created))["shipment"]!;
}
