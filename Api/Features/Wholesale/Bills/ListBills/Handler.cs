using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Bills.ListBills;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<BillRow>>>
{
    static readonly string ListSql = BillRow.Select + "\n" + Sql.Load<Handler>("ListBills.sql");

    public async ValueTask<ErrorOr<List<BillRow>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<BillRow>(ListSql, new { Limit = req.Limit ?? 200, Offset = req.Offset ?? 0 }, ct);
}
