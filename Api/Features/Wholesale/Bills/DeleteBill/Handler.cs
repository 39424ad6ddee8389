using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Bills.DeleteBill;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteBill.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<long>(DeleteSql, new { req.BillId }, ct) is [_]
            ? new Response(true) : Error.NotFound("Bill.NotFound", "Bill not found");
}
