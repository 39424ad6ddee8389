using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesScript.GetScript;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetScript.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Response>(GetSql, ct) is [var row] ? row : new Response();
}
