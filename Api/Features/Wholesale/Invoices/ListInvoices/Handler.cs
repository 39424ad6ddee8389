using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Invoices.ListInvoices;

/// <summary>A JSON list of invoice objects (deleted ones never), newest first; <c>limit</c> (default 200, at most 500) and <c>offset</c> page it.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Sql = $"""
        select coalesce(json_agg({InvoiceKit.Json} order by i.created_at desc, i.id desc), '[]')::text
          from (select * from wholesale.invoices
                 where deleted_at is null and (@Status is null or status = @Status) and (@CustomerId is null or customer_id = @CustomerId)
                 order by created_at desc, id desc limit @Limit offset @Offset) i
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        (await InvoiceKit.JsonAsync(db, Sql, new { req.Status, req.CustomerId, Limit = req.Limit ?? 200, Offset = req.Offset ?? 0 }, ct))!.Value;
}
