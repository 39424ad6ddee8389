using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.SalesReps;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("SalesReps.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var list = new Response();
        list.AddRange(await db.QueryToListAsync<Rep>(ListSql, new { req.IncludeInactive }, ct));
        return list;
    }
}
