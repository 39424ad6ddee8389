using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.PriceWatch.Billing;

/// <summary>The few Stripe endpoints PriceWatch calls, on 127.0.0.1, driven through the real Stripe.net client.</summary>
public sealed class FakeStripe
{
    public const string WebhookSecret = "whsec_test_pricewatch_0123456789";
    public string Url { get; }
    public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> Requests { get; } = new();
    /// <summary>subscription id → (status, price id, customer, tenant)</summary>
    public ConcurrentDictionary<string, (string Status, string Price, string Customer, string Tenant)> Subscriptions { get; } = new();
    public bool Fail { get; set; }

    public FakeStripe()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/checkout/sessions", async (HttpContext ctx) =>
        {
            if (Fail) return Results.Json(new { error = new { type = "api_error", message = "boom" } }, statusCode: 500);
            Record(ctx, await ctx.Request.ReadFormAsync());
            return Results.Json(new { id = "cs_test_123", @object = "checkout.session", url = "https://checkout.stripe.test/c/pay/cs_test_123", mode = "subscription" });
        });
        app.MapPost("/v1/billing_portal/sessions", async (HttpContext ctx) =>
        {
            Record(ctx, await ctx.Request.ReadFormAsync());
            return Results.Json(new { id = "bps_test_1", @object = "billing_portal.session", url = "https://billing.stripe.test/p/session/bps_test_1" });
        });
        app.MapGet("/v1/subscriptions/{id}", (string id) => Subscriptions.TryGetValue(id, out var s)
            ? Results.Json(new
            {
                id, @object = "subscription", status = s.Status, customer = s.Customer, cancel_at_period_end = false,
                metadata = new Dictionary<string, string> { ["tenant_id"] = s.Tenant },
                items = new
                {
                    @object = "list", has_more = false,
                    data = new[] { new { id = "si_" + id, @object = "subscription_item", current_period_end = 1893456000, price = new { id = s.Price, @object = "price" } } },
                },
            })
            : Results.Json(new { error = new { type = "invalid_request_error", message = "No such subscription" } }, statusCode: 404));
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First();
    }

    void Record(HttpContext ctx, IFormCollection form) =>
        Requests.Enqueue((ctx.Request.Path, form.ToDictionary(k => k.Key, k => k.Value.ToString())));

    /// <summary>A signed delivery, as Stripe sends it.</summary>
    public static (string Body, string Signature) Event(string id, string type, object dataObject, long? timestamp = null, string secret = WebhookSecret)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            id, @object = "event", api_version = "2025-01-27.acacia", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), type,
            livemode = false, pending_webhooks = 1, data = new { @object = dataObject },
        });
        var t = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sig = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"))).ToLowerInvariant();
        return (body, $"t={t},v1={sig}");
    }
}
