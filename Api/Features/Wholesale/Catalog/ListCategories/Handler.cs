using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.ListCategories;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<Response>>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListCategories.sql");

    public async ValueTask<ErrorOr<List<Response>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Response>(ListSql, ct);
}
