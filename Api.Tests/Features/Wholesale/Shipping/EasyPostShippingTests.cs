using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Shipping;

public sealed class EasyPostApi : ShippingFactory
{
    public FakeEasyPost EasyPost { get; } = new();
    public FakeUps Ups { get; } = new();
    public FakeDiscord Discord { get; } = new();
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Wholesale:EasyPost:ApiKey"] = FakeEasyPost.Key,
        ["Wholesale:EasyPost:BaseUrl"] = EasyPost.Url,
        ["Wholesale:Ups:ClientId"] = FakeUps.ClientId,
        ["Wholesale:Ups:ClientSecret"] = FakeUps.Secret,
        ["Wholesale:Ups:BaseUrl"] = Ups.Url,
        ["Wholesale:Discord:Webhooks:shipping"] = Discord.Url,
    };
}

/// <summary>Labels, refunds and tracking against EasyPost and UPS fakes; the shipment summary against a rate-limiting Discord.</summary>
public sealed class EasyPostShippingTests(EasyPostApi api) : IClassFixture<EasyPostApi>
{
    const string Orders = ShipKit.Orders;

    async Task<(HttpClient Client, string Number)> ConfirmedAsync()
    {
        var client = await api.StaffClientAsync("staff");
        var number = await ShipKit.PlaceAsync(api);
        await ShipKit.Ok(await client.PostAsync($"{Orders}/{number}/confirm", null));
        return (client, number);
    }

    [Fact]
    public async Task A_label_is_bought_from_easypost_tracked_delivered_and_refunded()
    {
        var (client, number) = await ConfirmedAsync();
        var label = await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label("ups", "ground", insurance: 150m)));
        Assert.Equal("easypost", (string?)label["provider"]);
        Assert.Equal(12.34m, (decimal)label["rate"]!);
        var shipmentId = (string)label["shipment_id"]!;
        Assert.StartsWith("shp_", shipmentId);
        Assert.Equal("trk_" + shipmentId, (string?)label["tracker_id"]);
        Assert.StartsWith("https://easypost-files.example/", (string?)label["label_url"]);
        var create = api.EasyPost.Calls.Single(c => c.Path == "/v2/shipments" && (string?)c.Body!["shipment"]!["reference"] == number).Body!["shipment"]!;
        Assert.Equal("1 Main St", (string?)create["to_address"]!["street1"]);
        Assert.Equal(64m, (decimal)create["parcel"]!["weight"]!);
        var buy = api.EasyPost.Calls.Single(c => c.Path == $"/v2/shipments/{shipmentId}/buy").Body!;
        Assert.Equal($"rate_{shipmentId}_ups", (string?)buy["rate"]!["id"]);
        Assert.Equal("150.00", (string?)buy["insurance"]);

        await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/ship", new { }));
        api.EasyPost.TrackerStatus = "out_for_delivery";
        var track = await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/tracking-status"));
        Assert.Equal("out_for_delivery", (string?)track["status"]);
        Assert.Equal("Out for delivery", (string?)track["status_label"]);
        Assert.Equal("easypost", (string?)track["source"]);
        Assert.Equal(2, track["tracking_details"]!.AsArray().Count);
        Assert.Equal("shipped", (string?)track["order_status"]);

        api.EasyPost.TrackerStatus = "delivered";
        track = await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/tracking-status"));
        Assert.Equal("delivered", (string?)track["order_status"]);
        Assert.Equal("system", await api.Scalar<string>("""
            select actor_kind from wholesale.order_events where order_id = (select id from wholesale.orders where order_number = $1) and to_status = 'delivered'
            """, number));

        var voided = await ShipKit.Ok(await client.PostAsync($"{Orders}/{number}/labels/{(long)label["label_id"]!}/void", null));
        Assert.Equal("submitted", (string?)voided["ep_refund_status"]);
        Assert.Empty(voided["remaining_tracking"]!.AsArray());
        Assert.Contains(api.EasyPost.Calls, c => c.Path == $"/v2/shipments/{shipmentId}/refund");
        api.EasyPost.TrackerStatus = "in_transit";
    }

    [Fact]
    public async Task Several_parcels_become_one_easypost_order_and_a_missing_rate_writes_nothing()
    {
        var (client, number) = await ConfirmedAsync();
        var none = await ShipKit.Fails(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label("FedEx", "FEDEX_GROUND")), HttpStatusCode.Conflict);
        Assert.Equal(2, none["details"]!["offered_rates"]!.AsArray().Count);
        Assert.Equal(0, await api.Scalar<long>("select count(*) from wholesale.shipping_labels l join wholesale.orders o on o.id = l.order_id where o.order_number = $1", number));

        var bought = await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/label", ShipKit.Label("USPS", "Priority", parcels: 3)));
        var labels = bought["labels"]!.AsArray();
        Assert.Equal(3, labels.Count);
        Assert.All(labels, l => Assert.StartsWith("order_", (string?)l!["ep_order_id"]));
        Assert.Equal(29.61m, (decimal)bought["rate"]!);
        var order = (await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}")))["order"]!;
        Assert.Equal(3, ((string)order["tracking_number"]!).Split(", ").Length);
        Assert.Equal(29.61m, (decimal)order["shipping_cost"]!);
        Assert.Equal("packed", (string?)order["status"]);
    }

    [Fact]
    public async Task A_failing_easypost_is_502_and_writes_nothing()
    {
        var (client, number) = await ConfirmedAsync();
        var body = System.Text.Json.JsonSerializer.SerializeToNode(ShipKit.Label(), new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = null })!;
        body["parcels"]![0]!["weight"] = 2399;
        var rsp = await client.PostAsync($"{Orders}/{number}/label", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        await ShipKit.Fails(rsp, HttpStatusCode.BadGateway);
        Assert.Equal(0, await api.Scalar<long>("select count(*) from wholesale.shipping_labels l join wholesale.orders o on o.id = l.order_id where o.order_number = $1", number));
        var order = (await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}")))["order"]!;
        Assert.Equal("confirmed", (string?)order["status"]);
        Assert.Equal(0m, (decimal)order["shipping_cost"]!);
    }

    [Fact]
    public async Task A_typed_in_ups_number_is_tracked_at_ups_after_a_token()
    {
        var client = await api.StaffClientAsync("staff");
        var number = await ShipKit.PlaceAsync(api);
        await api.Exec("update wholesale.orders set status = 'packed' where order_number = $1", number);
        await ShipKit.Ok(await client.PostJson($"{Orders}/{number}/ship", new { tracking_number = "1Z999AA10123456784", carrier = "UPS" }));
        var track = await ShipKit.Ok(await client.GetAsync($"{Orders}/{number}/tracking-status"));
        Assert.Equal("ups", (string?)track["source"]);
        Assert.Equal("delivered", (string?)track["status"]);
        Assert.Equal("2026-12-05", (string?)track["est_delivery_date"]);
        Assert.Equal("DALLAS", (string?)track["tracking_details"]![0]!["city"]);
        Assert.Equal("delivered", (string?)track["order_status"]);
        Assert.Contains("1Z999AA10123456784", api.Ups.Tracked);
        Assert.True(api.Ups.TokenCalls >= 1);
    }

    [Fact]
    public async Task The_shipment_summary_needs_the_scope_and_waits_out_discords_429()
    {
        var number = await ShipKit.PlaceAsync(api);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync($"{WsKit.Base}/api/shipping/discord-shipment-summary", null)).StatusCode);
        var wrong = api.KeyClient(await api.CreateApiKeyAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await wrong.PostAsync($"{WsKit.Base}/api/shipping/discord-shipment-summary", null)).StatusCode);
        var staff = await api.StaffClientAsync("admin");
        Assert.NotEqual(HttpStatusCode.OK, (await staff.PostAsync($"{WsKit.Base}/api/shipping/discord-shipment-summary", null)).StatusCode);

        api.Discord.RateLimitFirst = 1;
        var key = api.KeyClient(await api.CreateApiKeyAsync(["shipping:notify"]));
        var rsp = await ShipKit.Ok(await key.PostAsync($"{WsKit.Base}/api/shipping/discord-shipment-summary", null));
        Assert.True((bool)rsp["success"]!);
        Assert.Contains("Posted", (string?)rsp["message"]);
        var posts = api.Discord.Posts.ToArray();
        Assert.Equal([429, 204], posts.Select(p => p.Status));
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromMilliseconds(250), "waited retry_after (0.3 s), not the 1 s header");
        Assert.Contains(number, (string?)posts[1].Body!["content"]);
        Assert.Equal("sent", await api.Scalar<string>("select status from wholesale.discord_outbox where channel = 'shipping' order by id desc limit 1"));
    }
}
