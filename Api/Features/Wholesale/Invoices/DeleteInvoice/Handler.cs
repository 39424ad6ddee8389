using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Invoices.DeleteInvoice;

/// <summary>Soft delete (<c>deleted_at</c>, who in <c>status_changed_by</c>); the number stays used (gap-free means never reused). Paid: 409.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<string>("""
            with cur as (select id, status, invoice_number from wholesale.invoices where id = @InvoiceId and deleted_at is null for update),
            d as (update wholesale.invoices i set deleted_at = now(), updated_at = now(), status_changed_by = @Actor
                    from cur where i.id = cur.id and cur.status <> 'paid' returning i.id)
            select case when exists (select from d) then 'deleted:' || cur.invoice_number else 'paid' end from cur
            """, new { req.InvoiceId, req.Actor }, ct);
        if (rows is not [var r]) return Error.NotFound("Invoice.NotFound", "no invoice with that id");
        if (r == "paid") return Error.Conflict("Invoice.Paid", "a paid invoice cannot be deleted");
        return JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["message"] = $"Invoice {r[8..]} deleted", ["success"] = true });
    }
}
