using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetOrderHistory;

/// <summary>The caller's orders (customer account or delivery phone), newest first; <c>open</c> = not delivered or cancelled.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    const string Query = """
        with c as (
            select c.id, nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as name from wholesale.customers c
             where c.phone = @Phone and c.deleted_at is null and c.merged_into is null order by (c.kind = 'account') desc, c.id limit 1
        ), o as (
            select o.* from wholesale.orders o
             where o.deleted_at is null and (o.customer_id in (select id from c) or o.delivery_phone = @Phone)
               and (@Filter = 'all' or (@Filter = 'open' and o.status not in ('delivered', 'cancelled')) or o.status = @Filter)
             order by o.created_at desc limit @Limit
        )
        select json_build_object('success', true,
            'customer_name', coalesce((select name from c), (select delivery_name from o limit 1)),
            'order_count', (select count(*) from o),
            'orders', coalesce((select json_agg(json_build_object('order_number', o.order_number, 'date', o.created_at, 'status', o.status,
                      'payment_status', o.payment_status, 'total', o.total_amount, 'tracking_number', o.tracking_number,
                      'items', coalesce((select json_agg(json_build_object('sku', i.product_sku, 'name', i.product_name, 'quantity', i.quantity,
                                 'unit_price', i.unit_price, 'line_total', i.line_total) order by i.id) from wholesale.order_items i where i.order_id = o.id), '[]'))
                      order by o.created_at desc) from o), '[]'),
            'message', case when (select count(*) from o) = 0 then 'I don''t see any orders for that number.'
                            else 'Found ' || (select count(*) from o) || ' order(s).' end)::text
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phone = VoiceKit.Phone(req.Phone, req.PhoneNumber, field: "phone");
        if (phone.IsError) return phone.Errors;
        return (await VoiceKit.JsonAsync(db, Query, new { Phone = phone.Value, Limit = req.Limit ?? 5, Filter = req.StatusFilter?.Trim().ToLowerInvariant() ?? "all" }, ct))!.Value;
    }
}
