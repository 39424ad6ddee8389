using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;
using Stripe;

namespace Api.Features.Wholesale.Payments.CreateLink;

/// <summary>
/// A single-use Stripe Payment Link for an order's balance: a Price made for the amount, <c>restrictions.completed_sessions.limit
/// = 1</c>, <c>metadata.order_number</c> on the link and on its PaymentIntent. Stripe links never expire, so the row keeps
/// <c>expires_at</c> and a schedule deactivates the link after it (<see cref="ExpireLinks.Command"/>); an earlier open link of
/// the same order is deactivated at once, so one order never has two payable links. Staff, a key with the <c>voice</c> scope,
/// or the customer for their own order (any other order is 404 to a customer).
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe, IOptions<WholesaleOptions> options, TimeProvider clock, ILogger<Handler> log)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.Caller.Kind == "api_key" && !req.VoiceScope) return Error.Forbidden("Payments.KeyScope", "This API key lacks the voice scope");
        var notFound = Error.NotFound("Order.NotFound", "Order not found");
        if (await StripePayments.FindOrderAsync(db, req.OrderNumber!.Trim(), ct) is not { } order) return notFound;
        if (req.Caller.Kind == "customer" && order.CustomerId != req.Caller.Id) return notFound;
        if (req.Caller.Kind is not ("customer" or "staff" or "api_key")) return Error.Unauthorized("UNAUTHORIZED", "Authentication required");
        if (order.Status == "cancelled") return Error.Conflict("Order.Cancelled", "This order was cancelled");
        if (order.Balance <= 0) return Error.Conflict("Order.AlreadyPaid", "This order is already paid");

        if (stripe.Client is not { } client)
            return new Response
            {
                Success = false, OrderNumber = order.OrderNumber, Amount = order.Balance, Error = "Online card payments are not available right now",
                FallbackUrl = $"{options.Value.FrontendUrl.TrimEnd('/')}/pay/{Uri.EscapeDataString(order.OrderNumber)}",
            };

        var expires = clock.GetUtcNow().AddHours(req.ExpiresInHours ?? 72);
        var metadata = new Dictionary<string, string> { ["order_number"] = order.OrderNumber };
        PaymentLink link;
        try
        {
            var price = await new PriceService(client).CreateAsync(new PriceCreateOptions
            {
                Currency = stripe.Currency, UnitAmount = StripePayments.Cents(order.Balance),
                ProductData = new PriceProductDataOptions { Name = $"LLD order {order.OrderNumber}" },
            }, cancellationToken: ct);
            link = await new PaymentLinkService(client).CreateAsync(new PaymentLinkCreateOptions
            {
                LineItems = [new PaymentLinkLineItemOptions { Price = price.Id, Quantity = 1 }],
                Restrictions = new PaymentLinkRestrictionsOptions { CompletedSessions = new PaymentLinkRestrictionsCompletedSessionsOptions { Limit = 1 } },
                Metadata = metadata,
                PaymentIntentData = new PaymentLinkPaymentIntentDataOptions
                {
                    Metadata = new Dictionary<string, string> { ["order_number"] = order.OrderNumber, ["source"] = "payment_link" },
                },
            }, cancellationToken: ct);
        }
        catch (StripeException e)
        {
            log.LogWarning("Stripe refused a payment link for order {Order}: {Error}", order.Id, e.StripeError?.Message ?? e.Message);
            return Error.Custom(502, "Payments.StripeError", "The card processor could not create the payment link");
        }

        await using var tx = await db.BeginTransactionAsync(ct);
        var older = await db.QueryToListAsync<string>("""
            select stripe_link_id from wholesale.payment_links
             where order_id = @Id and deactivated_at is null and completed_at is null
            """, new { order.Id }, ct);
        await db.ExecuteAsync("""
            insert into wholesale.payment_links (order_id, stripe_link_id, url, amount, expires_at, created_by)
            values (@OrderId, @LinkId, @Url, @Amount, @Expires, @Actor);
            insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
            values (@OrderId, 'link', @PaymentStatus, @PaymentStatus, @ActorKind, @ActorId, @Reason);
            """, new
        {
            OrderId = order.Id, LinkId = link.Id, link.Url, Amount = order.Balance, Expires = expires, Actor = req.Caller.Label,
            order.PaymentStatus, req.Caller.ActorKind, ActorId = req.Caller.Id,
            Reason = $"payment link {link.Id} for {order.Balance:0.00}, expires {expires:u}",
        }, ct);
        await tx.CommitAsync(ct);

        foreach (var old in older)
        {
            try
            {
                await new PaymentLinkService(client).UpdateAsync(old, new PaymentLinkUpdateOptions { Active = false }, cancellationToken: ct);
                await db.ExecuteAsync("update wholesale.payment_links set deactivated_at = now() where stripe_link_id = @old", new { old }, ct);
            }
            catch (StripeException e) { log.LogWarning("Could not deactivate superseded payment link {Link}: {Error}", old, e.Message); }
        }

        return new Response { Success = true, PaymentUrl = link.Url, OrderNumber = order.OrderNumber, Amount = order.Balance, ExpiresAt = expires };
    }
}
