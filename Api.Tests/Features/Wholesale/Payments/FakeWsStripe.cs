using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.Wholesale.Payments;

/// <summary>The Stripe endpoints Wholesale calls (payment_intents, prices, payment_links) on 127.0.0.1, driven by the real Stripe.net client.</summary>
public sealed class FakeWsStripe
{
    public const string WebhookSecret = "whsec_test_wholesale_0123456789";
    public string Url { get; }
    public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> Requests { get; } = new();
    public ConcurrentDictionary<string, Intent> Intents { get; } = new();
    public ConcurrentBag<string> Deactivated { get; } = new();
    int _seq;

    public sealed record Intent(string Id, long Amount, string Currency, string Status, Dictionary<string, string> Metadata);

    public FakeWsStripe()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/payment_intents", async (HttpContext ctx) =>
        {
            var form = await Record(ctx);
            var id = $"pi_fake{Interlocked.Increment(ref _seq)}_{Guid.NewGuid():N}"[..30];
            var intent = new Intent(id, long.Parse(form["amount"]), form["currency"], "requires_payment_method", Meta(form, "metadata"));
            Intents[id] = intent;
            return Results.Json(Json(intent));
        });
        app.MapGet("/v1/payment_intents/{id}", (string id) => Intents.TryGetValue(id, out var i)
            ? Results.Json(Json(i))
            : Results.Json(new { error = new { type = "invalid_request_error", code = "resource_missing", message = "No such payment_intent" } }, statusCode: 404));
        app.MapPost("/v1/prices", async (HttpContext ctx) =>
        {
            var form = await Record(ctx);
            return Results.Json(new { id = "price_fake" + Interlocked.Increment(ref _seq), @object = "price", unit_amount = long.Parse(form["unit_amount"]), currency = form["currency"] });
        });
        app.MapPost("/v1/payment_links", async (HttpContext ctx) =>
        {
            var form = await Record(ctx);
            var id = "plink_fake" + Interlocked.Increment(ref _seq);
            return Results.Json(new { id, @object = "payment_link", active = true, url = $"https://buy.stripe.test/{id}", metadata = Meta(form, "metadata") });
        });
        app.MapPost("/v1/payment_links/{id}", async (HttpContext ctx, string id) =>
        {
            var form = await Record(ctx);
            if (form.TryGetValue("active", out var a) && a == "false") Deactivated.Add(id);
            return Results.Json(new { id, @object = "payment_link", active = false, url = $"https://buy.stripe.test/{id}" });
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First();
    }

    static object Json(Intent i) => new
    {
        id = i.Id, @object = "payment_intent", amount = i.Amount, amount_received = i.Status == "succeeded" ? i.Amount : 0, currency = i.Currency,
        status = i.Status, client_secret = i.Id + "_secret_test", metadata = i.Metadata,
    };

    static Dictionary<string, string> Meta(Dictionary<string, string> form, string prefix) =>
        form.Where(kv => kv.Key.StartsWith(prefix + "[", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[(prefix.Length + 1)..^1], kv => kv.Value);

    async Task<Dictionary<string, string>> Record(HttpContext ctx)
    {
        var form = (await ctx.Request.ReadFormAsync()).ToDictionary(k => k.Key, k => k.Value.ToString());
        Requests.Enqueue((ctx.Request.Path, form));
        return form;
    }

    /// <summary>Adds an intent as Stripe would hold it after the customer paid (or not).</summary>
    public string AddIntent(long amount, string? orderNumber, string status = "succeeded", string currency = "usd")
    {
        var id = $"pi_test{Interlocked.Increment(ref _seq)}_{Guid.NewGuid():N}"[..30];
        Intents[id] = new Intent(id, amount, currency, status, orderNumber is null ? [] : new() { ["order_number"] = orderNumber });
        return id;
    }

    /// <summary>A signed delivery, as Stripe sends it.</summary>
    public static (string Body, string Signature) Event(string id, string type, object dataObject, string secret = WebhookSecret)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            id, @object = "event", api_version = "2025-01-27.acacia", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), type,
            livemode = false, pending_webhooks = 1, data = new { @object = dataObject },
        });
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sig = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"))).ToLowerInvariant();
        return (body, $"t={t},v1={sig}");
    }
}
