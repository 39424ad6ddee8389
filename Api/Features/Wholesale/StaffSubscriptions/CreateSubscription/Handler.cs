using System.Net;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.Wholesale.StaffSubscriptions.CreateSubscription;

/// <summary>
/// Enrolment: the customer and product must exist (400 naming the field), the Stripe customer must exist at Stripe and not be
/// deleted, the payment method must be attached to that customer and be of the stated type (card, or us_bank_account for
/// ach), and the Stripe customer must not already belong to another of our customers. One live subscription per customer
/// and product (409). Nothing is written unless everything holds.
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, BusinessClock clock) : IRequestHandler<Request, ErrorOr<SubscriptionView>>
{
    static readonly string RefsSql = Sql.Load<Handler>("Refs.sql");
    static readonly string InsertSql = Sql.Load<Handler>("Insert.sql");

    public async ValueTask<ErrorOr<SubscriptionView>> Handle(Request req, CancellationToken ct)
    {
        var today = clock.Today;
        if (req.StartDate is { } start && start < today) return Field("start_date", $"Must be today ({today:yyyy-MM-dd}) or later");
        if (stripe.Client is not { } client)
            return Error.Custom(503, "Subscriptions.StripeNotConfigured", "Subscriptions need Stripe; it is not configured (Wholesale:Stripe:SecretKey)");

        var cus = req.StripeCustomerId!.Trim();
        var pmId = req.StripePaymentMethodId!.Trim();
        var type = req.PaymentType!.Trim().ToLowerInvariant();
        var refs = (await db.QueryToListAsync<Refs>(RefsSql, new { req.UserId, Sku = req.ProductSku!.Trim(), StripeCustomerId = cus }, ct)).Single();
        var errors = new List<Error>();
        if (refs.CustomerId is null) errors.Add(FieldError("user_id", "No such customer"));
        if (refs.ProductId is null) errors.Add(FieldError("product_sku", "No such product in the catalog (or it is not sold)"));
        if (refs.LinkedTo is { } other && other != req.UserId) errors.Add(FieldError("stripe_customer_id", "This Stripe customer belongs to another customer"));
        if (errors.Count > 0) return errors;

        var stage = "stripe_customer_id";
        try
        {
            var customer = await new CustomerService(client).GetAsync(cus, cancellationToken: ct);
            if (customer.Deleted == true) return Field("stripe_customer_id", "This Stripe customer was deleted");
            stage = "stripe_payment_method_id";
            var pm = await new PaymentMethodService(client).GetAsync(pmId, cancellationToken: ct);
            if (pm.CustomerId != cus) return Field("stripe_payment_method_id", "The payment method is not attached to this Stripe customer");
            var expected = type == "ach" ? "us_bank_account" : "card";
            if (pm.Type != expected) return Field("payment_type", $"The payment method is {pm.Type}, not {expected}");
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound || e.StripeError?.Code == "resource_missing")
        {
            return Field(stage, "Unknown to Stripe");
        }
        catch (StripeException)
        {
            return Error.Custom(502, "Subscriptions.StripeError", "Stripe could not confirm the customer and payment method");
        }

        var next = req.StartDate ?? today.AddDays(req.IntervalDays!.Value);
        await using var tx = await db.BeginTransactionAsync(ct);
        var ids = await db.QueryToListAsync<long>(InsertSql, new
        {
            refs.CustomerId, refs.ProductId, req.Quantity, req.IntervalDays, req.DiscountPct, Next = next.ToDateTime(TimeOnly.MinValue),
            StripeCustomerId = cus, StripePaymentMethodId = pmId, PaymentType = type, DeliveryName = req.DeliveryName!.Trim(),
            DeliveryPhone = Phones.ToE164(req.DeliveryPhone), DeliveryEmail = req.DeliveryEmail!.Trim(), DeliveryAddress = req.DeliveryAddress!.Trim(),
            DeliveryCity = req.DeliveryCity!.Trim(), DeliveryState = req.DeliveryState!.Trim(), DeliveryZip = req.DeliveryZip!.Trim(),
            DeliveryCompany = Clean(req.DeliveryCompany), Notes = Clean(req.Notes), req.StaffId, Actor = req.StaffId is { } s ? $"staff:{s}" : "staff",
        }, ct);
        if (ids is not [var id])
            return Error.Conflict("Subscriptions.Duplicate", "This customer already has a live subscription of this product; edit it instead");
        await tx.CommitAsync(ct);
        return (await Subscriptions.FindAsync(db, id, ct))!;
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static Error FieldError(string field, string message) =>
        Error.Validation("Subscriptions.Invalid", message, new Dictionary<string, object> { ["field"] = field });

    static ErrorOr<SubscriptionView> Field(string field, string message) => FieldError(field, message);

    sealed class Refs
    {
        public long? CustomerId { get; init; }
        public long? ProductId { get; init; }
        public long? LinkedTo { get; init; }
    }
}
