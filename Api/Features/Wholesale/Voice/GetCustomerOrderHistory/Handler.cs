using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetCustomerOrderHistory;

/// <summary>
/// The outbound agent's view: the caller's orders with lines, their top three categories by quantity over all orders, and the
/// reorder candidates (products of the last order). An unknown number is 404.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    const string Query = """
        with c as (
            select c.* from wholesale.customers c
             where c.phone = @Phone and c.deleted_at is null and c.merged_into is null order by (c.kind = 'account') desc, c.id limit 1
        ), allo as (
            select o.* from wholesale.orders o where o.customer_id = (select id from c) and o.deleted_at is null
        ), o as (select * from allo order by created_at desc limit @Limit)
        select json_build_object('success', true,
            'customer_name', (select nullif(trim(concat_ws(' ', first_name, last_name)), '') from c),
            'company', (select company_name from c),
            'order_count', (select count(*) from allo),
            'orders', coalesce((select json_agg(json_build_object('order_number', o.order_number, 'date', o.created_at, 'status', o.status,
                      'payment_status', o.payment_status, 'total', o.total_amount, 'special_notes', o.special_notes,
                      'items', coalesce((select json_agg(json_build_object('sku', i.product_sku, 'name', i.product_name, 'quantity', i.quantity,
                                 'unit_price', i.unit_price, 'line_total', i.line_total) order by i.id) from wholesale.order_items i where i.order_id = o.id), '[]'))
                      order by o.created_at desc) from o), '[]'),
            'top_categories', coalesce((select json_agg(t.name) from (
                      select cat.name from allo join wholesale.order_items i on i.order_id = allo.id
                        join wholesale.products p on p.id = i.product_id join wholesale.categories cat on cat.id = p.category_id
                       where allo.status <> 'cancelled' group by cat.name order by sum(i.quantity) desc, cat.name limit 3) t), '[]'),
            'reorder_candidates', coalesce((select json_agg(distinct i.product_name) from wholesale.order_items i
                      where i.order_id = (select id from allo where status <> 'cancelled' order by created_at desc limit 1)), '[]'),
            'message', (select case when count(*) = 0 then 'No orders yet for this customer.' else 'Found ' || count(*) || ' order(s).' end from allo))::text
        where exists (select 1 from c)
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phone = VoiceKit.Phone(req.Phone, req.PhoneNumber);
        if (phone.IsError) return phone.Errors;
        return await VoiceKit.JsonAsync(db, Query, new { Phone = phone.Value, Limit = req.Limit ?? 10 }, ct)
            ?? (ErrorOr<JsonElement>)Error.NotFound("Customer.NotFound", "I couldn't find a customer with that number.");
    }
}
