using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateRfq;

sealed class Handler(AppDb db, IHttpContextAccessor http, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateRfq.sql");
    static readonly string ReadSql = RfqRow.Select + "\nand r.id = @Id";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        var ids = await db.QueryToListAsync<long>(InsertSql, new
        {
            req.ProductId, Description = Rules.Opt(req.Description), req.TargetUnitPrice, req.Quantity, Status = req.Status ?? "draft",
            Year = clock.Today.Year, CreatedBy = caller.Label,
        }, ct);
        if (ids is not [var id]) return Error.Validation("product_id", $"Product {req.ProductId} does not exist");
        var row = (await db.QueryToListAsync<RfqRow>(ReadSql, new { Id = id }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, row);
    }
}
