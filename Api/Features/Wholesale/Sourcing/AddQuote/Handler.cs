using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.AddQuote;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string QuoteSql = Sql.Load<Handler>("AddQuote.sql");
    static readonly string ReadSql = RfqRow.Select + "\nand r.id = @RfqId";

    sealed class Row { public string? Status { get; init; } public bool SupplierKnown { get; init; } public bool Added { get; init; } }

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<Row>(QuoteSql, new
            {
                req.RfqId, req.SupplierId, req.Price, req.Moq, LeadTime = Rules.Opt(req.LeadTime), Notes = Rules.Opt(req.Notes),
                StaffId = caller.Id, Actor = caller.Label,
            }, ct) is not [var row])
            return Error.NotFound("Rfq.NotFound", "RFQ not found");
        if (!row.SupplierKnown) return Error.Validation("supplier_id", $"Supplier {req.SupplierId} does not exist");
        if (!row.Added) return Error.Conflict("Rfq.NotQuotable", $"Quotes are taken while an RFQ is draft, sent or quoted; this one is {row.Status}");
        var rfq = (await db.QueryToListAsync<RfqRow>(ReadSql, new { req.RfqId }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, rfq);
    }
}
