using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Voice.CancelOrder;

/// <summary>
/// Only the caller's own order (its customer's phone or its delivery phone) and only while <c>pending</c> or <c>confirmed</c>
/// (anything else: 404, so a caller learns nothing about other orders). <c>confirmed: false</c> says what would happen and
/// writes nothing; <c>true</c> cancels through the shared <see cref="OrderCancellation"/> (core state machine, reserved stock
/// back, Stripe refunds with idempotency keys after the commit).
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    sealed class Row
    {
        public long Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public decimal Total { get; init; }
        public decimal Paid { get; init; }
    }

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phoneOr = VoiceKit.Phone(req.Phone, req.PhoneNumber);
        if (phoneOr.IsError) return phoneOr.Errors;
        var order = (await db.QueryToListAsync<Row>("""
            select o.id as "Id", o.order_number as "OrderNumber", o.status as "Status", o.total_amount as "Total", o.amount_paid as "Paid"
              from wholesale.orders o
             where o.order_number = @Number and o.deleted_at is null and o.status in ('pending', 'confirmed')
               and (o.delivery_phone = @Phone
                    or o.customer_id in (select id from wholesale.customers where phone = @Phone and deleted_at is null))
            """, new { Number = req.OrderNumber!.Trim().ToUpperInvariant(), Phone = phoneOr.Value }, ct)).FirstOrDefault();
        if (order is null) return Error.NotFound("Order.NotFound", "I couldn't find an open order with that number for your phone.");

        if (req.Confirmed != true)
            return VoiceKit.ToJson(new
            {
                success = true, order_number = order.OrderNumber, confirmed = false, status = order.Status, total = order.Total,
                message = order.Paid > 0
                    ? $"Order {order.OrderNumber} for ${order.Total:0.00} can be cancelled and your card payment of ${order.Paid:0.00} refunded. Shall I cancel it?"
                    : $"Order {order.OrderNumber} for ${order.Total:0.00} can be cancelled. Shall I cancel it?",
            });

        var done = await OrderCancellation.CancelAndRefundAsync(db, stripe, order.Id, req.Caller.ActorKind, req.Caller.Id, "cancelled by the caller (voice)", ct);
        if (done.IsError) return done.Errors;
        var refund = done.Value.Refund;
        return VoiceKit.ToJson(new
        {
            success = true, order_number = order.OrderNumber, status = "cancelled", refund,
            message = refund switch
            {
                null => $"Order {order.OrderNumber} is cancelled.",
                { Status: "succeeded" } => $"Order {order.OrderNumber} is cancelled and ${refund.Amount:0.00} is being refunded to your card.",
                _ => $"Order {order.OrderNumber} is cancelled; our team will finish your refund of ${refund.Amount:0.00} shortly.",
            },
        });
    }
}
