using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.Wholesale.Payments.CreateIntent;

/// <summary>
/// A card PaymentIntent on Wholesale's own Stripe account. With an order number the order's balance is charged (a different
/// <c>amount</c> is ignored) and the intent carries <c>metadata.order_number</c>, which confirm and the webhook check; without
/// one the validated amount is charged and no order is tied to it (so such an intent can never pay an order).
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (stripe.Client is not { } client) return Error.Custom(503, "Payments.StripeNotConfigured", "Card payments are not available right now");

        var amount = req.Amount!.Value;
        var metadata = new Dictionary<string, string>();
        string? orderNumber = null;
        long? orderId = null;
        var email = string.IsNullOrWhiteSpace(req.CustomerEmail) ? null : req.CustomerEmail.Trim();
        if (!string.IsNullOrWhiteSpace(req.OrderNumber))
        {
            if (await StripePayments.FindOrderAsync(db, req.OrderNumber.Trim(), ct) is not { } order) return Error.NotFound("Order.NotFound", "Order not found");
            if (order.Status == "cancelled") return Error.Conflict("Order.Cancelled", "This order was cancelled");
            if (order.Balance <= 0) return Error.Conflict("Order.AlreadyPaid", "This order is already paid");
            amount = order.Balance;
            orderNumber = order.OrderNumber;
            orderId = order.Id;
            metadata["order_number"] = order.OrderNumber;
            email ??= order.DeliveryEmail;
        }
        if (!string.IsNullOrWhiteSpace(req.CustomerName)) metadata["customer_name"] = req.CustomerName.Trim();

        PaymentIntent intent;
        try
        {
            intent = await new PaymentIntentService(client).CreateAsync(new PaymentIntentCreateOptions
            {
                Amount = StripePayments.Cents(amount), Currency = stripe.Currency, Metadata = metadata, ReceiptEmail = email,
                Description = orderNumber is null ? "LLD payment" : $"LLD order {orderNumber}",
                AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
            }, cancellationToken: ct);
        }
        catch (StripeException e)
        {
            log.LogWarning("Stripe refused a PaymentIntent: {Error}", e.StripeError?.Message ?? e.Message);
            return Error.Custom(502, "Payments.StripeError", "The card processor could not start this payment");
        }
        if (orderId is { } id)
            await db.ExecuteAsync("update wholesale.orders set stripe_payment_intent_id = @Intent, updated_at = now() where id = @id",
                new { Intent = intent.Id, id }, ct);
        return new Response(true, intent.ClientSecret, intent.Id, amount, orderNumber);
    }
}
