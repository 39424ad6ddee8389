using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.CheckOrderStatus;

/// <summary>
/// By order number, or the caller's most recent order. With both, the order must belong to that caller (its customer's phone or
/// its delivery phone): a caller never hears another customer's order (404).
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    const string Query = """
        with o as (
            select o.* from wholesale.orders o
             where o.deleted_at is null
               and (@OrderNumber is null or o.order_number = @OrderNumber)
               and (@Phone is null or o.delivery_phone = @Phone
                    or o.customer_id in (select id from wholesale.customers where phone = @Phone and deleted_at is null))
             order by o.created_at desc limit 1)
        select json_build_object('success', true, 'order', json_build_object(
            'order_number', o.order_number, 'status', o.status, 'total', o.total_amount, 'subtotal', o.subtotal,
            'delivery_fee', o.delivery_fee, 'payment_method', o.payment_method, 'payment_status', o.payment_status,
            'item_count', (select count(*) from wholesale.order_items i where i.order_id = o.id), 'created_at', o.created_at,
            'special_notes', o.special_notes, 'tracking_number', o.tracking_number,
            'items', coalesce((select json_agg(json_build_object('sku', i.product_sku, 'name', i.product_name, 'quantity', i.quantity,
                                   'unit_price', i.unit_price, 'line_total', i.line_total) order by i.id)
                                 from wholesale.order_items i where i.order_id = o.id), '[]')))::text
        from o
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phone = VoiceKit.Phone(req.Phone, req.PhoneNumber, required: false);
        if (phone.IsError) return phone.Errors;
        var number = string.IsNullOrWhiteSpace(req.OrderNumber) ? null : req.OrderNumber.Trim().ToUpperInvariant();
        if (number is null && phone.Value is null) return VoiceKit.Invalid("order_number", "order_number or phone_number is required");
        return await VoiceKit.JsonAsync(db, Query, new { OrderNumber = number, Phone = phone.Value }, ct)
            ?? (ErrorOr<JsonElement>)Error.NotFound("Order.NotFound", "I couldn't find that order.");
    }
}
