using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Invoices.CustomerInvoices;

/// <summary>
/// As documented, the customer's orders (newest first, deleted ones never, at most <c>limit</c>, default 100) each with its items,
/// payment state and the invoice number when an invoice was made for it; beyond the document, <c>invoices</c> lists the
/// customer's invoices not tied to an order. 404 for an unknown customer.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    const string Sql = """
        select json_build_object('success', true, 'customer_id', c.id,
            'orders', coalesce((select json_agg(json_build_object('id', o.id, 'order_number', o.order_number, 'date', o.created_at, 'created_at', o.created_at,
                        'status', o.status, 'payment_status', o.payment_status, 'payment_method', o.payment_method, 'subtotal', o.subtotal,
                        'delivery_fee', o.delivery_fee, 'total', o.total_amount, 'total_amount', o.total_amount, 'amount_paid', o.amount_paid,
                        'balance_due', o.total_amount - o.amount_paid, 'tracking_number', o.tracking_number,
                        'invoice_number', (select min(i.invoice_number) from wholesale.invoices i where i.order_id = o.id and i.deleted_at is null),
                        'items', coalesce((select json_agg(json_build_object('sku', it.product_sku, 'name', it.product_name, 'quantity', it.quantity,
                                    'unit_price', it.unit_price, 'line_total', it.line_total) order by it.id)
                                  from wholesale.order_items it where it.order_id = o.id), '[]'))
                        order by o.created_at desc, o.id desc)
                    from (select * from wholesale.orders where customer_id = c.id and deleted_at is null
                           order by created_at desc, id desc limit @Limit) o), '[]'),
            'invoices', coalesce((select json_agg(json_build_object('id', i.id, 'invoice_number', i.invoice_number, 'status', i.status,
                        'total_amount', i.total, 'due_date', i.due_date, 'created_at', i.created_at) order by i.created_at desc)
                    from wholesale.invoices i where i.customer_id = c.id and i.order_id is null and i.deleted_at is null), '[]'))::text
          from wholesale.customers c where c.id = @CustomerId and c.deleted_at is null
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await InvoiceKit.JsonAsync(db, Sql, new { req.CustomerId, Limit = req.Limit ?? 100 }, ct)
        ?? (ErrorOr<JsonElement>)Error.NotFound("Customer.NotFound", "no customer with that id");
}
