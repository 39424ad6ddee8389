using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Bills.GetStatus;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StatusSql = Sql.Load<Handler>("GetStatus.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Response>(StatusSql, new { req.BillId }, ct) is [var row]
            ? row : Error.NotFound("Bill.NotFound", "Bill not found");
}
