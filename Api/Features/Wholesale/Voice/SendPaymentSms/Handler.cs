using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;
using Stripe;

namespace Api.Features.Wholesale.Voice.SendPaymentSms;

/// <summary>
/// Only for the caller's own order (its delivery phone or its customer's phone; else 404), at most 3 texts per order per hour
/// (429). <c>net30</c>: approved net-30 accounts only (409 otherwise), the order moves to net30 terms and the text confirms it;
/// <c>credit_card</c>: a single-use Stripe Payment Link as the core makes them (without Stripe: the core's pay page);
/// <c>check</c>: a single-use check-upload link (7 days). Sent through the core's <see cref="ISmsSender"/> (Twilio or outbox).
/// </summary>
sealed class Handler(AppDb db, ISmsSender sms, WholesaleStripe stripe, IOptions<WholesaleOptions> options, ILogger<Handler> log)
    : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public const int PerHour = 3;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phoneOr = VoiceKit.Phone(req.Phone, req.PhoneNumber);
        if (phoneOr.IsError) return phoneOr.Errors;
        var phone = phoneOr.Value!;
        var method = req.PaymentMethod!.Trim().ToLowerInvariant();
        var order = (await db.QueryToListAsync<OrderRow>("""
            select o.id as "Id", o.order_number as "OrderNumber", o.status as "Status", o.total_amount - o.amount_paid as "Balance",
                   o.payment_method as "Method", o.payment_status as "PaymentStatus",
                   coalesce(c.account_approved and c.payment_terms = 'net30', false) as "Approved"
              from wholesale.orders o left join wholesale.customers c on c.id = o.customer_id
             where o.order_number = @Number and o.deleted_at is null and (o.delivery_phone = @Phone or c.phone = @Phone)
            """, new { Number = req.OrderNumber!.Trim().ToUpperInvariant(), Phone = phone }, ct)).FirstOrDefault();
        if (order is null) return Error.NotFound("Order.NotFound", "I couldn't find that order for your number.");
        if (order.Status == "cancelled") return Error.Conflict("Order.Cancelled", "That order was cancelled.");
        var sent = (await db.QueryToListAsync<long>("select count(*) from wholesale.voice_payment_sms where order_id = @Id and created_at > now() - interval '1 hour'",
            new { order.Id }, ct)).Single();
        if (sent >= PerHour) return Error.Custom(429, "Sms.TooMany", "I've already sent several texts for this order; please check your messages.");

        string body; string? url = null;
        var front = options.Value.FrontendUrl.TrimEnd('/');
        switch (method)
        {
            case "net30":
                if (!order.Approved) return Error.Conflict("Terms.NotApproved", "This account isn't approved for Net 30 terms.");
                await db.ExecuteAsync("""
                    update wholesale.orders set payment_method = 'net30', updated_at = now() where id = @Id and payment_method <> 'net30';
                    """, new { order.Id }, ct);
                body = $"LLD Restaurant Supply: order {order.OrderNumber} is confirmed on Net 30 terms. Amount due: ${order.Balance:0.00}, 30 days after delivery.";
                break;
            case "credit_card":
                if (order.Balance <= 0) return Error.Conflict("Order.AlreadyPaid", "That order is already paid.");
                url = await PaymentLinkAsync(order, ct) ?? $"{front}/pay/{Uri.EscapeDataString(order.OrderNumber)}";
                body = $"LLD Restaurant Supply: pay ${order.Balance:0.00} for order {order.OrderNumber} securely here: {url}";
                break;
            default:
                if (order.Balance <= 0) return Error.Conflict("Order.AlreadyPaid", "That order is already paid.");
                var token = WholesaleAuth.NewToken();
                await db.ExecuteAsync("""
                    insert into wholesale.check_upload_links (order_id, token_hash, expires_at, created_by) values (@Id, @Hash, now() + interval '7 days', 'voice')
                    """, new { order.Id, Hash = WholesaleAuth.HashToken(token) }, ct);
                url = $"{front}/upload-check?order={Uri.EscapeDataString(order.OrderNumber)}&token={Uri.EscapeDataString(token)}";
                body = $"LLD Restaurant Supply: upload a photo of your check for order {order.OrderNumber} (${order.Balance:0.00}) here: {url}";
                break;
        }
        var result = await sms.SendAsync(phone, body, "voice_payment_" + method, ct);
        await db.ExecuteAsync("insert into wholesale.voice_payment_sms (order_id, phone, sms_type, created_at) values (@Id, @Phone, @Type, now())",
            new { order.Id, Phone = phone, Type = method }, ct);
        var preview = url is null ? body : body.Replace(url, method == "check" ? front + "/upload-check?…" : url);
        return VoiceKit.ToJson(new
        {
            success = true, sms_type = method, payment_url = method == "check" ? null : url, sms_status = result.Status,
            sms_body_preview = preview,
            message = method == "net30" ? "I've texted you the Net 30 confirmation." : "I've texted you the payment link.",
        });
    }

    /// <summary>The core's single-use payment link (the same Stripe calls and payment_links row as payments/create-link); null without Stripe.</summary>
    async Task<string?> PaymentLinkAsync(OrderRow order, CancellationToken ct)
    {
        if (stripe.Client is not { } client) return null;
        try
        {
            var price = await new PriceService(client).CreateAsync(new PriceCreateOptions
            {
                Currency = stripe.Currency, UnitAmount = (long)decimal.Round(order.Balance * 100m, 0),
                ProductData = new PriceProductDataOptions { Name = $"LLD order {order.OrderNumber}" },
            }, cancellationToken: ct);
            var link = await new PaymentLinkService(client).CreateAsync(new PaymentLinkCreateOptions
            {
                LineItems = [new PaymentLinkLineItemOptions { Price = price.Id, Quantity = 1 }],
                Restrictions = new PaymentLinkRestrictionsOptions { CompletedSessions = new PaymentLinkRestrictionsCompletedSessionsOptions { Limit = 1 } },
                Metadata = new Dictionary<string, string> { ["order_number"] = order.OrderNumber },
                PaymentIntentData = new PaymentLinkPaymentIntentDataOptions { Metadata = new Dictionary<string, string> { ["order_number"] = order.OrderNumber, ["source"] = "payment_link" } },
            }, cancellationToken: ct);
            await db.ExecuteAsync("""
                insert into wholesale.payment_links (order_id, stripe_link_id, url, amount, expires_at, created_by)
                values (@OrderId, @LinkId, @Url, @Amount, now() + interval '72 hours', 'voice');
                insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
                values (@OrderId, 'link', @PaymentStatus, @PaymentStatus, 'api_key', null, 'voice payment link ' || @LinkId);
                """, new { OrderId = order.Id, LinkId = link.Id, link.Url, Amount = order.Balance, order.PaymentStatus }, ct);
            return link.Url;
        }
        catch (StripeException e)
        {
            log.LogWarning("Stripe refused a voice payment link for order {Order}: {Error}", order.Id, e.StripeError?.Message ?? e.Message);
            return null;
        }
    }

    sealed class OrderRow
    {
        public long Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public decimal Balance { get; init; }
        public string Method { get; init; } = "";
        public string PaymentStatus { get; init; } = "";
        public bool Approved { get; init; }
    }
}
