using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.AwardRfq;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string AwardSql = Sql.Load<Handler>("AwardRfq.sql");
    static readonly string ReadSql = RfqRow.Select + "\nand r.id = @RfqId";

    sealed class Row { public string? Status { get; init; } public bool SupplierKnown { get; init; } public decimal? QuotedPrice { get; init; } public bool Awarded { get; init; } }

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<Row>(AwardSql, new { req.RfqId, req.SupplierId, StaffId = caller.Id, Actor = caller.Label }, ct) is not [var row])
            return Error.NotFound("Rfq.NotFound", "RFQ not found");
        if (!row.SupplierKnown) return Error.Validation("supplier_id", $"Supplier {req.SupplierId} does not exist");
        if (row.Status != "quoted") return Error.Conflict("Rfq.NotAwardable", $"Only a quoted RFQ can be awarded; this one is {row.Status}");
        if (row.QuotedPrice is null) return Error.Conflict("Rfq.SupplierDidNotQuote", $"Supplier {req.SupplierId} has not quoted on this RFQ");
        var rfq = (await db.QueryToListAsync<RfqRow>(ReadSql, new { req.RfqId }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, rfq);
    }
}
