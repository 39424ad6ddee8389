using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Api.Infrastructure.Integrations.Sandbox;

/// <summary>A subscription as the Stripe sandbox keeps it.</summary>
public sealed record StripeSubscription(string Status, string Price, string Customer, string Tenant)
{
    public Dictionary<string, string> Metadata { get; init; } = new() { ["tenant_id"] = Tenant };
    public bool CancelAtPeriodEnd { get; init; }

    public static implicit operator StripeSubscription((string Status, string Price, string Customer, string Tenant) t) =>
        new(t.Status, t.Price, t.Customer, t.Tenant);
}

/// <summary>A Checkout session the sandbox created (form fields as Stripe.net sent them).</summary>
public sealed class StripeCheckoutSession
{
    public required string Id { get; init; }
    public required Dictionary<string, string> Form { get; init; }
    public string Status { get; set; } = "open";
    public string? Customer { get; set; }
    public string? Subscription { get; set; }
    public string? Field(string name) => Form.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
}

/// <summary>
/// Stripe, locally (<see cref="Prefix"/>): the API calls PriceWatch makes (<c>POST /v1/checkout/sessions</c>,
/// <c>POST /v1/billing_portal/sessions</c>, <c>GET /v1/subscriptions/{id}</c>), the pages their URLs open
/// (<c>/checkout/{id}</c>, <c>/portal/{id}</c>) and the script equivalents of their buttons
/// (<c>POST /checkout/{id}/complete</c>, <c>POST /portal/{id}/cancel</c>). Completing a checkout creates the customer and an
/// active subscription and delivers <c>customer.subscription.created</c> and <c>checkout.session.completed</c>, signed like Stripe
/// (<c>Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")</c>) with the configured webhook secret, to PriceWatch's webhook.
/// State is in memory.
/// </summary>
public sealed class StripeSandbox(Func<string?> webhookSecret, SandboxDelivery? delivery = null)
{
    public const string Prefix = "/stripe";
    public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> Requests { get; } = new();
    public ConcurrentDictionary<string, StripeSubscription> Subscriptions { get; } = new();
    public ConcurrentDictionary<string, StripeCheckoutSession> Sessions { get; } = new();
    readonly ConcurrentDictionary<string, (string Customer, string ReturnUrl)> _portals = new();
    /// <summary>Tests: every API call answers 500.</summary>
    public bool Fail { get; set; }

    static string NewId(string prefix) => prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
    static string Origin(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}{Prefix}";

    public void Map(IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup(Prefix);
        g.MapPost("/v1/checkout/sessions", async (HttpContext ctx) =>
        {
            if (Fail) return ApiError(500, "api_error", "boom");
            var form = await Record(ctx);
            var session = new StripeCheckoutSession { Id = NewId("cs_test_"), Form = form, Customer = form.GetValueOrDefault("customer") };
            Sessions[session.Id] = session;
            return Results.Json(new { id = session.Id, @object = "checkout.session", url = $"{Origin(ctx)}/checkout/{session.Id}", mode = form.GetValueOrDefault("mode"), status = "open" });
        });
        g.MapPost("/v1/billing_portal/sessions", async (HttpContext ctx) =>
        {
            if (Fail) return ApiError(500, "api_error", "boom");
            var form = await Record(ctx);
            if (form.GetValueOrDefault("customer") is not { Length: > 0 } customer) return ApiError(400, "invalid_request_error", "Missing required param: customer.");
            var id = NewId("bps_");
            _portals[id] = (customer, form.GetValueOrDefault("return_url") ?? "");
            return Results.Json(new { id, @object = "billing_portal.session", customer, url = $"{Origin(ctx)}/portal/{id}" });
        });
        g.MapGet("/v1/subscriptions/{id}", (string id) => Fail ? ApiError(500, "api_error", "boom") : Subscriptions.TryGetValue(id, out var s)
            ? Results.Json(SubscriptionJson(id, s))
            : ApiError(404, "invalid_request_error", $"No such subscription: '{id}'"));

        g.MapGet("/checkout/{id}", (string id) => Sessions.TryGetValue(id, out var s) ? Results.Content(CheckoutPage(s), "text/html") : Results.NotFound());
        g.MapPost("/checkout/{id}/complete", async (HttpContext ctx, string id) =>
        {
            if (!Sessions.TryGetValue(id, out var s)) return Results.NotFound(new { error = new { message = $"No such checkout session: '{id}'" } });
            var result = await CompleteAsync(id, ctx.RequestAborted);
            return ctx.Request.HasFormContentType && s.Field("success_url") is { } success ? Results.Redirect(success, false) : Results.Json(result);
        });
        g.MapGet("/portal/{id}", (string id) => _portals.TryGetValue(id, out var p) ? Results.Content(PortalPage(id, p.Customer, p.ReturnUrl), "text/html") : Results.NotFound());
        g.MapPost("/portal/{id}/cancel", async (HttpContext ctx, string id) =>
        {
            if (!_portals.TryGetValue(id, out var p)) return Results.NotFound();
            var deliveries = new List<object>();
            foreach (var (subId, sub) in Subscriptions.Where(s => s.Value.Customer == p.Customer && s.Value.Status is "active" or "trialing" or "past_due").ToList())
                deliveries.Add(await CancelAsync(subId, ctx.RequestAborted) ?? new { });
            return ctx.Request.HasFormContentType && p.ReturnUrl.Length > 0 ? Results.Redirect(p.ReturnUrl, false) : Results.Json(new { canceled = deliveries });
        });
    }

    /// <summary>Pays a session: customer, active subscription, then the two webhook deliveries (their HTTP statuses are returned).</summary>
    public async Task<object> CompleteAsync(string sessionId, CancellationToken ct)
    {
        var s = Sessions[sessionId];
        if (s.Status == "complete") return new { session = s.Id, status = s.Status, subscription = s.Subscription, customer = s.Customer, deliveries = Array.Empty<object>() };
        s.Customer ??= NewId("cus_");
        s.Subscription = NewId("sub_");
        s.Status = "complete";
        var meta = s.Form.Where(f => f.Key.StartsWith("subscription_data[metadata][", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["subscription_data[metadata][".Length..^1], f => f.Value);
        var sub = new StripeSubscription("active", s.Field("line_items[0][price]") ?? "", s.Customer, meta.GetValueOrDefault("tenant_id") ?? "") { Metadata = meta };
        Subscriptions[s.Subscription] = sub;
        var sessionMeta = s.Form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value);
        var deliveries = new List<object>
        {
            await DeliverAsync("customer.subscription.created", SubscriptionJson(s.Subscription, sub), ct),
            await DeliverAsync("checkout.session.completed", new
            {
                id = s.Id, @object = "checkout.session", mode = s.Field("mode"), status = "complete", payment_status = "paid",
                client_reference_id = s.Field("client_reference_id"), customer = s.Customer, customer_email = s.Field("customer_email"),
                subscription = s.Subscription, metadata = sessionMeta,
            }, ct),
        };
        return new { session = s.Id, status = s.Status, subscription = s.Subscription, customer = s.Customer, deliveries };
    }

    /// <summary>Cancels at once and delivers <c>customer.subscription.deleted</c>.</summary>
    public async Task<object?> CancelAsync(string subscriptionId, CancellationToken ct)
    {
        if (!Subscriptions.TryGetValue(subscriptionId, out var sub)) return null;
        var canceled = sub with { Status = "canceled" };
        Subscriptions[subscriptionId] = canceled;
        return await DeliverAsync("customer.subscription.deleted", SubscriptionJson(subscriptionId, canceled), ct);
    }

    async Task<object> DeliverAsync(string type, object dataObject, CancellationToken ct)
    {
        var id = NewId("evt_");
        if (delivery is null || webhookSecret() is not { Length: > 0 } secret) return new { type, id, status = 0, error = "no webhook target" };
        var (body, signature) = Sign(id, type, dataObject, secret);
        var url = delivery.AppUrl + Modules.Modules.PriceWatch.BasePath + "/api/billing/webhook";
        var status = await delivery.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"),
            new Dictionary<string, string> { ["Stripe-Signature"] = signature, ["User-Agent"] = "Stripe/1.0 (+https://stripe.com/docs/webhooks) sandbox" }, ct);
        return new { type, id, status };
    }

    /// <summary>An event body and its <c>Stripe-Signature</c> header, as Stripe signs a delivery.</summary>
    public static (string Body, string Signature) Sign(string id, string type, object dataObject, string secret, long? timestamp = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            id, @object = "event", api_version = "2025-01-27.acacia", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), type,
            livemode = false, pending_webhooks = 1, data = new { @object = dataObject },
        });
        var t = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sig = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"))).ToLowerInvariant();
        return (body, $"t={t},v1={sig}");
    }

    static object SubscriptionJson(string id, StripeSubscription s) => new
    {
        id, @object = "subscription", status = s.Status, customer = s.Customer, cancel_at_period_end = s.CancelAtPeriodEnd, metadata = s.Metadata,
        items = new
        {
            @object = "list", has_more = false,
            data = new[]
            {
                new
                {
                    id = "si_" + id, @object = "subscription_item",
                    current_period_end = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds(), price = new { id = s.Price, @object = "price" },
                },
            },
        },
    };

    async Task<Dictionary<string, string>> Record(HttpContext ctx)
    {
        var form = (await ctx.Request.ReadFormAsync()).ToDictionary(k => k.Key, k => k.Value.ToString());
        Requests.Enqueue((ctx.Request.Path.Value![Prefix.Length..], form));
        return form;
    }

    static IResult ApiError(int status, string type, string message) => Results.Json(new { error = new { type, message } }, statusCode: status);

    static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    static string CheckoutPage(StripeCheckoutSession s) => $"""
        <!doctype html><html><head><meta charset="utf-8"><title>Sandbox checkout</title></head>
        <body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">
        <p style="background:#fff3cd;padding:.5rem">Stripe sandbox: no card is charged.</p>
        <h1>Subscribe to {E(s.Field("metadata[plan]") ?? s.Field("line_items[0][price]"))}</h1>
        <p>Price {E(s.Field("line_items[0][price]"))} · {E(s.Field("customer_email") ?? s.Customer)}</p>
        {(s.Status == "complete" ? "<p><strong>Paid.</strong></p>" : $"""
        <form method="post" action="{s.Id}/complete"><button type="submit" style="font-size:1.2rem">Pay</button></form>
        """)}
        <p><a href="{E(s.Field("cancel_url"))}">Cancel</a></p></body></html>
        """;

    string PortalPage(string id, string customer, string returnUrl) => $"""
        <!doctype html><html><head><meta charset="utf-8"><title>Sandbox billing portal</title></head>
        <body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">
        <p style="background:#fff3cd;padding:.5rem">Stripe sandbox billing portal.</p><h1>Customer {E(customer)}</h1><ul>
        {string.Concat(Subscriptions.Where(s => s.Value.Customer == customer).Select(s => $"<li>{E(s.Key)}: {E(s.Value.Price)}, {E(s.Value.Status)}</li>"))}
        </ul><form method="post" action="{id}/cancel"><button type="submit">Cancel subscription</button></form>
        <p><a href="{E(returnUrl)}">Return</a></p></body></html>
        """;
}
