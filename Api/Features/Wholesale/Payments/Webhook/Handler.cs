using System.Globalization;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.Wholesale.Payments.Webhook;

/// <summary>
/// Stripe events for Wholesale's own account, verified with <c>Wholesale:Stripe:WebhookSecret</c> (Stripe.net
/// <see cref="EventUtility"/>, 300 s tolerance; a bad signature is 400, no secret configured 503). Each event id is applied
/// once: it is inserted into wholesale.stripe_events in the same transaction as its effect, so a replay changes nothing.
/// <list type="bullet">
/// <item><c>payment_intent.succeeded</c> with <c>metadata.order_number</c> (set by create-intent and by payment links) records
/// the amount received against that order.</item>
/// <item><c>checkout.session.completed</c> of one of our payment links (found by <c>payment_link</c>) with
/// <c>payment_status = paid</c> records <c>amount_total</c> and marks the link completed.</item>
/// </list>
/// Both events of one link payment carry the same PaymentIntent, which is recorded once. The money has arrived, so an amount
/// that differs from the balance is still recorded (paid or partial) and flags the order for review.
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (stripe.WebhookSecret is not { } secret) return Error.Custom(503, "Payments.WebhookNotConfigured", "Stripe webhook secret is not configured");
        Event evt;
        try { evt = EventUtility.ConstructEvent(req.Payload, req.Signature, secret, 300, throwOnApiVersionMismatch: false); }
        catch (Exception e) when (e is StripeException or JsonException or ArgumentException or FormatException or Newtonsoft.Json.JsonException)
        {
            log.LogWarning("Wholesale Stripe webhook rejected: {Reason}", e.Message);
            return Error.Failure("Payments.InvalidSignature", "Invalid Stripe signature");
        }

        await using var tx = await db.BeginTransactionAsync(ct);
        var fresh = await db.ExecuteAsync("insert into wholesale.stripe_events (id, type) values (@Id, @Type) on conflict (id) do nothing",
            new { evt.Id, evt.Type }, ct) == 1;
        if (!fresh) return new Response(true, evt.Id, "duplicate");

        using var doc = JsonDocument.Parse(req.Payload);
        var obj = doc.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object
            ? o : default;
        var outcome = obj.ValueKind != JsonValueKind.Object ? "ignored_malformed" : evt.Type switch
        {
            EventTypes.PaymentIntentSucceeded => await IntentSucceededAsync(evt, obj, ct),
            EventTypes.CheckoutSessionCompleted => await SessionCompletedAsync(evt, obj, ct),
            _ => "ignored_type",
        };
        await tx.CommitAsync(ct);
        log.LogInformation("Wholesale Stripe {Type} {Event}: {Outcome}", evt.Type, evt.Id, outcome);
        return new Response(true, evt.Id, outcome);
    }

    async Task<string> IntentSucceededAsync(Event evt, JsonElement pi, CancellationToken ct)
    {
        if (Path(pi, "metadata", "order_number") is not { } orderNumber) return "ignored_no_order";
        if (Str(pi, "id") is not { } intentId) return "ignored_malformed";
        if (!CurrencyOk(pi)) return "ignored_currency";
        var cents = Long(pi, "amount_received") ?? Long(pi, "amount") ?? 0;
        if (cents <= 0) return "ignored_no_amount";
        var method = Path(pi, "metadata", "source") == "payment_link" ? "link" : "card";
        var applied = await StripePayments.ApplyAsync(db, orderNumber, method, cents / 100m, intentId, evt.Id, exact: false,
            actor: "stripe", reason: $"Stripe {evt.Type} {intentId} of {(cents / 100m).ToString("0.00", CultureInfo.InvariantCulture)}", ct);
        return applied is null ? "ignored_unknown_order" : applied.Done ? "applied" : "already_recorded";
    }

    async Task<string> SessionCompletedAsync(Event evt, JsonElement session, CancellationToken ct)
    {
        if (Str(session, "payment_link") is not { } linkId) return "ignored_not_a_payment_link";
        var links = await db.QueryToListAsync<string>("""
            select o.order_number from wholesale.payment_links l join wholesale.orders o on o.id = l.order_id where l.stripe_link_id = @linkId
            """, new { linkId }, ct);
        if (links is not [var orderNumber]) return "ignored_unknown_link";
        if (Str(session, "payment_status") != "paid") return "ignored_unpaid";
        if (!CurrencyOk(session)) return "ignored_currency";
        var cents = Long(session, "amount_total") ?? 0;
        if (cents <= 0) return "ignored_no_amount";
        var reference = Str(session, "id");
        var intentId = Str(session, "payment_intent") ?? reference ?? evt.Id;
        var applied = await StripePayments.ApplyAsync(db, orderNumber, "link", cents / 100m, intentId, reference, exact: false,
            actor: "stripe", reason: $"payment link {linkId} paid {(cents / 100m).ToString("0.00", CultureInfo.InvariantCulture)}", ct);
        await db.ExecuteAsync("update wholesale.payment_links set completed_at = coalesce(completed_at, now()) where stripe_link_id = @linkId", new { linkId }, ct);
        return applied is null ? "ignored_unknown_order" : applied.Done ? "applied" : "already_recorded";
    }

    bool CurrencyOk(JsonElement o) => Str(o, "currency") is not { } c || string.Equals(c, stripe.Currency, StringComparison.OrdinalIgnoreCase);

    static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => Str(v, "id"),
            _ => null,
        } : null;

    static long? Long(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    static string? Path(JsonElement o, string first, string second) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(first, out var inner) ? Str(inner, second) : null;
}
