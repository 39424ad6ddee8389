using System.Net;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.Wholesale.Payments.Confirm;

/// <summary>
/// Marks an order paid only when Stripe itself (the PaymentIntent read back from Stripe, never the caller's word) shows the
/// intent succeeded, carries <c>metadata.order_number</c> equal to this order, is in our currency, and its amount equals
/// the order's balance in cents. An intent of another order or amount is refused (409); an id Stripe does not know is 400.
/// Confirming the same intent again answers success without recording it twice.
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (stripe.Client is not { } client) return Error.Custom(503, "Payments.StripeNotConfigured", "Card payments are not available right now");
        var orderNumber = req.OrderNumber!.Trim();
        if (await StripePayments.FindOrderAsync(db, orderNumber, ct) is not { } order) return Error.NotFound("Order.NotFound", "Order not found");

        var earlier = await db.QueryToListAsync<long>("select order_id from wholesale.payments where stripe_payment_intent_id = @Id",
            new { Id = req.PaymentIntentId }, ct);
        if (earlier is [var paidOrder])
            return paidOrder == order.Id ? new Response(true, "Payment already recorded", order.PaymentStatus)
                : Error.Conflict("Payments.ForeignIntent", "This payment belongs to another order");

        PaymentIntent intent;
        try { intent = await new PaymentIntentService(client).GetAsync(req.PaymentIntentId, cancellationToken: ct); }
        catch (StripeException e) when (e.HttpStatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return Error.Validation("Payments.UnknownIntent", "Stripe does not know this payment intent",
                new Dictionary<string, object> { ["field"] = "payment_intent_id" });
        }
        catch (StripeException e)
        {
            log.LogWarning("Stripe lookup of a PaymentIntent failed: {Error}", e.StripeError?.Message ?? e.Message);
            return Error.Custom(502, "Payments.StripeError", "The card processor could not be reached");
        }

        if (intent.Metadata is null || !intent.Metadata.TryGetValue("order_number", out var forOrder) || forOrder != order.OrderNumber)
            return Error.Conflict("Payments.ForeignIntent", "This payment intent is not for this order");
        if (intent.Status != "succeeded")
            return Error.Conflict("Payments.NotSucceeded", $"The payment has not succeeded (status {intent.Status})");
        if (!string.Equals(intent.Currency, stripe.Currency, StringComparison.OrdinalIgnoreCase) || intent.Amount != StripePayments.Cents(order.Balance))
            return Error.Conflict("Payments.AmountMismatch", "The payment amount does not match the order's balance");

        var amount = intent.Amount / 100m;
        var applied = await StripePayments.ApplyAsync(db, order.OrderNumber, "card", amount, intent.Id, null, exact: true,
            actor: "stripe", reason: $"PaymentIntent {intent.Id} of {amount:0.00} confirmed", ct);
        if (applied is null) return Error.NotFound("Order.NotFound", "Order not found");
        if (applied.Done) return new Response(true, "Payment recorded", applied.PaymentStatus);
        if (applied.Recorded) return new Response(true, "Payment already recorded", applied.PaymentStatus);
        return Error.Conflict("Payments.AmountMismatch", "The payment amount does not match the order's balance");
    }
}
