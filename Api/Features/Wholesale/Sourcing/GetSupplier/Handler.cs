using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.GetSupplier;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetSupplier.sql").Replace("/*supplier*/", SupplierRow.Select);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Response>(GetSql, new { req.Sid }, ct) is [var row] ? row : Error.NotFound("Supplier.NotFound", "Supplier not found");
}
