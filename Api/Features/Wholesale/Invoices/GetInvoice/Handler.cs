using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Invoices.GetInvoice;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Sql = $"select {InvoiceKit.Json}::text from wholesale.invoices i where i.id = @InvoiceId and i.deleted_at is null";

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await InvoiceKit.JsonAsync(db, Sql, new { req.InvoiceId }, ct) ?? (ErrorOr<JsonElement>)Error.NotFound("Invoice.NotFound", "no invoice with that id");
}
