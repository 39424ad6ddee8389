using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.Wholesale.StaffSubscriptions;

/// <summary>
/// The Stripe endpoints subscriptions call, on 127.0.0.1 (driven by the real Stripe.net client): customers, payment methods,
/// setup intents and off-session payment intents. Like Stripe, a repeated <c>Idempotency-Key</c> gets the first answer back
/// (concurrent requests with one key share it), a payment method in <see cref="Declining"/> is declined (402 card_error),
/// a us_bank_account debit answers <c>processing</c>. Each new charge is in <see cref="Charges"/>.
/// </summary>
public sealed class FakeSubscriptionStripe
{
    public string Url { get; }
    public ConcurrentDictionary<string, bool> Customers { get; } = new();   // id -> deleted
    public ConcurrentDictionary<string, (string? Customer, string Type)> Methods { get; } = new();
    public ConcurrentDictionary<string, bool> Declining { get; } = new();
    public ConcurrentQueue<(string Key, Dictionary<string, string> Form)> Charges { get; } = new();
    public ConcurrentQueue<Dictionary<string, string>> CreatedCustomers { get; } = new();
    public ConcurrentQueue<Dictionary<string, string>> SetupIntents { get; } = new();
    public volatile bool Down;
    public int DelayMs { get; set; } = 150;
    readonly ConcurrentDictionary<string, Lazy<Task<(int Status, object Body)>>> _byKey = new();
    int _seq;

    public FakeSubscriptionStripe()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/v1/customers/{id}", (string id) => Customers.TryGetValue(id, out var deleted)
            ? Results.Json(deleted ? new { id, @object = "customer", deleted = true } : (object)new { id, @object = "customer", email = "x@y.z" })
            : Missing("customer", id));
        app.MapPost("/v1/customers", (RequestDelegate)(ctx => Answer(ctx, CreateCustomer)));
        app.MapGet("/v1/payment_methods/{id}", (string id) => Methods.TryGetValue(id, out var m)
            ? Results.Json(new { id, @object = "payment_method", type = m.Type, customer = m.Customer })
            : Missing("payment_method", id));
        app.MapPost("/v1/setup_intents", (RequestDelegate)(ctx => Answer(ctx, CreateSetupIntent)));
        app.MapPost("/v1/payment_intents", (RequestDelegate)(ctx => Answer(ctx, async form =>
        {
            if (Down) return (500, new { error = new { type = "api_error", message = "Stripe is having a moment" } });
            await Task.Delay(DelayMs);
            var key = ctx.Request.Headers["Idempotency-Key"].ToString();
            var id = "pi_sub" + Interlocked.Increment(ref _seq);
            var pm = form.GetValueOrDefault("payment_method") ?? "";
            var amount = long.Parse(form["amount"]);
            var meta = form.Where(kv => kv.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(kv => kv.Key[9..^1], kv => kv.Value);
            if (Declining.ContainsKey(pm))
                return (402, new
                {
                    error = new
                    {
                        type = "card_error", code = "card_declined", decline_code = "insufficient_funds", message = "Your card has insufficient funds.",
                        payment_intent = new { id, @object = "payment_intent", amount, currency = "usd", status = "requires_payment_method", metadata = meta },
                    },
                });
            Charges.Enqueue((key, form));
            var ach = Methods.TryGetValue(pm, out var m) && m.Type == "us_bank_account";
            return (200, new
            {
                id, @object = "payment_intent", amount, amount_received = ach ? 0 : amount, currency = form["currency"],
                status = ach ? "processing" : "succeeded", customer = form.GetValueOrDefault("customer"), payment_method = pm, metadata = meta,
            });
        })));
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First();
    }

    Task<(int, object)> CreateCustomer(Dictionary<string, string> form)
    {
        var id = "cus_fake" + Interlocked.Increment(ref _seq);
        Customers[id] = false;
        CreatedCustomers.Enqueue(form);
        return Task.FromResult<(int, object)>((200, new { id, @object = "customer", email = form.GetValueOrDefault("email") }));
    }

    Task<(int, object)> CreateSetupIntent(Dictionary<string, string> form)
    {
        var id = "seti_fake" + Interlocked.Increment(ref _seq);
        SetupIntents.Enqueue(form);
        return Task.FromResult<(int, object)>((200, new
        {
            id, @object = "setup_intent", client_secret = id + "_secret_test", customer = form.GetValueOrDefault("customer"),
            status = "requires_payment_method", usage = form.GetValueOrDefault("usage"),
        }));
    }

    /// <summary>A Stripe customer with a saved method (card or us_bank_account); returns both ids.</summary>
    public (string Customer, string Method) AddCustomer(string type = "card", bool declines = false)
    {
        var cus = "cus_t" + Interlocked.Increment(ref _seq) + Guid.NewGuid().ToString("N")[..8];
        var pm = "pm_t" + Interlocked.Increment(ref _seq) + Guid.NewGuid().ToString("N")[..8];
        Customers[cus] = false;
        Methods[pm] = (cus, type);
        if (declines) Declining[pm] = true;
        return (cus, pm);
    }

    public string AddMethod(string? customer, string type = "card")
    {
        var pm = "pm_t" + Interlocked.Increment(ref _seq) + Guid.NewGuid().ToString("N")[..8];
        Methods[pm] = (customer, type);
        return pm;
    }

    static IResult Missing(string what, string id) => Results.Json(new
    {
        error = new { type = "invalid_request_error", code = "resource_missing", message = $"No such {what}: '{id}'", param = "id" },
    }, statusCode: 404);

    async Task Answer(HttpContext ctx, Func<Dictionary<string, string>, Task<(int, object)>> make)
    {
        var form = (await ctx.Request.ReadFormAsync()).ToDictionary(k => k.Key, k => k.Value.ToString());
        var key = ctx.Request.Headers["Idempotency-Key"].ToString();
        var slot = ctx.Request.Path + "|" + key;
        var result = string.IsNullOrEmpty(key)
            ? await make(form)
            : await _byKey.GetOrAdd(slot, _ => new Lazy<Task<(int, object)>>(() => make(form))).Value;
        if (result.Item1 >= 500) _byKey.TryRemove(slot, out _);   // as Stripe: a failed request's key may be retried
        ctx.Response.StatusCode = result.Item1;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(result.Item2));
    }
}
