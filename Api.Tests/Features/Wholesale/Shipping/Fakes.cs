using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.Wholesale.Shipping;

static class FakeHost
{
    public static (WebApplication App, string Url) Start(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        app.StartAsync().GetAwaiter().GetResult();
        return (app, app.Urls.First());
    }

    public static async Task<JsonNode?> Body(HttpContext ctx) => await JsonNode.ParseAsync(ctx.Request.Body);
}

/// <summary>EasyPost's v2 API on 127.0.0.1: checks the Basic key, rates on create, buy by rate id (shipments) or carrier and service (orders), refunds, trackers.</summary>
public sealed class FakeEasyPost
{
    public const string Key = "EZTKfake0123456789";
    public string Url { get; }
    public string TrackerStatus { get; set; } = "in_transit";
    public ConcurrentQueue<(string Path, JsonNode? Body)> Calls { get; } = new();
    readonly ConcurrentDictionary<string, JsonArray> _rates = new();
    readonly ConcurrentDictionary<string, int> _parcels = new();
    int _seq;

    static JsonArray Rates(string owner, int parcels) =>
    [
        new JsonObject { ["id"] = $"rate_{owner}_ups", ["object"] = "Rate", ["carrier"] = "UPS", ["service"] = "Ground", ["rate"] = (12.34m * parcels).ToString("0.00"), ["currency"] = "USD" },
        new JsonObject { ["id"] = $"rate_{owner}_usps", ["object"] = "Rate", ["carrier"] = "USPS", ["service"] = "Priority", ["rate"] = (9.87m * parcels).ToString("0.00"), ["currency"] = "USD" },
    ];

    JsonObject Bought(string shipmentId, string carrier, string service, string rate) => new()
    {
        ["id"] = shipmentId, ["object"] = "Shipment",
        ["tracking_code"] = carrier == "UPS" ? "1Z" + Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999).ToString()[..16] : "9400" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999),
        ["postage_label"] = new JsonObject { ["object"] = "PostageLabel", ["label_url"] = $"https://easypost-files.example/postage_label/{shipmentId}.pdf", ["label_file_type"] = "application/pdf" },
        ["selected_rate"] = new JsonObject { ["carrier"] = carrier, ["service"] = service, ["rate"] = rate },
        ["tracker"] = new JsonObject { ["id"] = "trk_" + shipmentId },
    };

    public FakeEasyPost()
    {
        (_, Url) = FakeHost.Start(app =>
        {
            app.Use(async (ctx, next) =>
            {
                var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":"));
                if (ctx.Request.Headers.Authorization.ToString() != expected)
                {
                    ctx.Response.StatusCode = 401;
                    await ctx.Response.WriteAsJsonAsync(new { error = new { code = "APIKEY.INACTIVE", message = "This api key is no longer active." } });
                    return;
                }
                await next();
            });
            app.MapPost("/v2/shipments", async ctx =>
            {
                var body = await FakeHost.Body(ctx);
                Calls.Enqueue((ctx.Request.Path, body));
                var s = body?["shipment"];
                if (s?["to_address"]?["street1"] is null || s["parcel"]?["weight"] is null)
                {
                    ctx.Response.StatusCode = 422;
                    await ctx.Response.WriteAsJsonAsync(new { error = new { code = "SHIPMENT.INVALID_PARAMS", message = "Missing required parameter." } });
                    return;
                }
                if ((decimal?)s["parcel"]?["weight"] == 2399m)   // the tests' way to make EasyPost fail
                {
                    ctx.Response.StatusCode = 500;
                    await ctx.Response.WriteAsJsonAsync(new { error = new { code = "INTERNAL_SERVER_ERROR", message = "Something went wrong" } });
                    return;
                }
                var id = "shp_" + Interlocked.Increment(ref _seq);
                _rates[id] = Rates(id, 1);
                await ctx.Response.WriteAsync(new JsonObject { ["id"] = id, ["object"] = "Shipment", ["rates"] = _rates[id].DeepClone() }.ToJsonString());
            });
            app.MapPost("/v2/shipments/{id}/buy", async (HttpContext ctx, string id) =>
            {
                var body = await FakeHost.Body(ctx);
                Calls.Enqueue((ctx.Request.Path, body));
                var rate = _rates.TryGetValue(id, out var rates) ? rates.FirstOrDefault(r => (string?)r!["id"] == (string?)body?["rate"]?["id"]) : null;
                if (rate is null) { ctx.Response.StatusCode = 422; await ctx.Response.WriteAsJsonAsync(new { error = new { code = "SHIPMENT.RATE.INVALID", message = "Rate not found" } }); return; }
                await ctx.Response.WriteAsync(Bought(id, (string)rate["carrier"]!, (string)rate["service"]!, (string)rate["rate"]!).ToJsonString());
            });
            app.MapPost("/v2/orders", async ctx =>
            {
                var body = await FakeHost.Body(ctx);
                Calls.Enqueue((ctx.Request.Path, body));
                var id = "order_" + Interlocked.Increment(ref _seq);
                var n = body?["order"]?["shipments"]?.AsArray().Count ?? 0;
                _parcels[id] = n;
                _rates[id] = Rates(id, n);
                await ctx.Response.WriteAsync(new JsonObject { ["id"] = id, ["object"] = "Order", ["rates"] = _rates[id].DeepClone() }.ToJsonString());
            });
            app.MapPost("/v2/orders/{id}/buy", async (HttpContext ctx, string id) =>
            {
                var body = await FakeHost.Body(ctx);
                Calls.Enqueue((ctx.Request.Path, body));
                var rate = _rates.TryGetValue(id, out var rates)
                    ? rates.FirstOrDefault(r => (string?)r!["carrier"] == (string?)body?["carrier"] && (string?)r!["service"] == (string?)body?["service"]) : null;
                if (rate is null) { ctx.Response.StatusCode = 422; await ctx.Response.WriteAsJsonAsync(new { error = new { code = "ORDER.RATE.INVALID", message = "No such rate" } }); return; }
                var per = (decimal.Parse((string)rate["rate"]!) / _parcels[id]).ToString("0.00");
                var shipments = new JsonArray(Enumerable.Range(0, _parcels[id]).Select(i => (JsonNode)Bought($"shp_{id}_{i}", (string)rate["carrier"]!, (string)rate["service"]!, per)).ToArray());
                await ctx.Response.WriteAsync(new JsonObject { ["id"] = id, ["object"] = "Order", ["shipments"] = shipments }.ToJsonString());
            });
            app.MapPost("/v2/shipments/{id}/refund", async (HttpContext ctx, string id) =>
            {
                Calls.Enqueue((ctx.Request.Path, null));
                if (!id.StartsWith("shp_")) { ctx.Response.StatusCode = 404; await ctx.Response.WriteAsJsonAsync(new { error = new { code = "NOT_FOUND", message = "not found" } }); return; }
                await ctx.Response.WriteAsJsonAsync(new { id, @object = "Shipment", refund_status = "submitted" });
            });
            app.MapGet("/v2/trackers/{id}", async (HttpContext ctx, string id) =>
            {
                Calls.Enqueue((ctx.Request.Path, null));
                await ctx.Response.WriteAsJsonAsync(new
                {
                    id, @object = "Tracker", status = TrackerStatus, est_delivery_date = "2026-12-08T00:00:00Z", public_url = $"https://track.easypost.com/{id}",
                    updated_at = "2026-12-05T10:00:00Z",
                    tracking_details = new object[]
                    {
                        new { status = "pre_transit", message = "Label created", datetime = "2026-12-04T09:00:00Z", tracking_location = new { city = "Chicago", state = "IL" } },
                        new { status = TrackerStatus, message = "Update", datetime = "2026-12-05T10:00:00Z", tracking_location = new { city = "Dallas", state = "TX" } },
                    },
                });
            });
        });
    }
}

/// <summary>UPS on 127.0.0.1: a client-credentials token first (Basic id:secret), then tracking with that bearer token.</summary>
public sealed class FakeUps
{
    public const string ClientId = "ups-client", Secret = "ups-secret";
    public string Url { get; }
    public int TokenCalls;
    public ConcurrentQueue<string> Tracked { get; } = new();
    const string Token = "ups-access-token-1";

    public FakeUps()
    {
        (_, Url) = FakeHost.Start(app =>
        {
            app.MapPost("/security/v1/oauth/token", async ctx =>
            {
                var form = await ctx.Request.ReadFormAsync();
                if (ctx.Request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Secret}"))
                    || form["grant_type"] != "client_credentials") { ctx.Response.StatusCode = 401; return; }
                Interlocked.Increment(ref TokenCalls);
                await ctx.Response.WriteAsJsonAsync(new { token_type = "Bearer", access_token = Token, expires_in = "14399", status = "approved" });
            });
            app.MapGet("/api/track/v1/details/{number}", async (HttpContext ctx, string number) =>
            {
                if (ctx.Request.Headers.Authorization.ToString() != "Bearer " + Token || string.IsNullOrEmpty(ctx.Request.Headers["transId"])) { ctx.Response.StatusCode = 401; return; }
                Tracked.Enqueue(number);
                await ctx.Response.WriteAsJsonAsync(new
                {
                    trackResponse = new
                    {
                        shipment = new[] { new { package = new[] { new
                        {
                            trackingNumber = number,
                            deliveryDate = new[] { new { type = "DEL", date = "20261205" } },
                            currentStatus = new { description = "Delivered", code = "011", type = "D" },
                            activity = new[]
                            {
                                new { date = "20261205", time = "101500", status = new { type = "D", description = "DELIVERED ", code = "KB" }, location = new { address = new { city = "DALLAS", stateProvince = "TX" } } },
                                new { date = "20261204", time = "080000", status = new { type = "I", description = "Departed from Facility", code = "DP" }, location = new { address = new { city = "CHICAGO", stateProvince = "IL" } } },
                            },
                        } } } },
                    },
                });
            });
        });
    }
}

/// <summary>A Discord webhook on 127.0.0.1 that answers the first <see cref="RateLimitFirst"/> posts with 429 and <c>retry_after</c>.</summary>
public sealed class FakeDiscord
{
    public string Url { get; }
    public int RateLimitFirst { get; set; }
    public double RetryAfter { get; set; } = 0.3;
    public ConcurrentQueue<(DateTimeOffset At, int Status, JsonNode? Body)> Posts { get; } = new();
    int _count;

    public FakeDiscord()
    {
        (_, var url) = FakeHost.Start(app => app.MapPost("/api/webhooks/1/token", async ctx =>
        {
            var body = await FakeHost.Body(ctx);
            var n = Interlocked.Increment(ref _count);
            if (n <= RateLimitFirst)
            {
                Posts.Enqueue((DateTimeOffset.UtcNow, 429, body));
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers["Retry-After"] = "1";
                await ctx.Response.WriteAsJsonAsync(new { message = "You are being rate limited.", retry_after = RetryAfter, global = false });
                return;
            }
            Posts.Enqueue((DateTimeOffset.UtcNow, 204, body));
            ctx.Response.StatusCode = 204;
        }));
        Url = url + "/api/webhooks/1/token";
    }
}
