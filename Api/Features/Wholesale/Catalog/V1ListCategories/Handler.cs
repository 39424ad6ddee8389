using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1ListCategories;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("V1ListCategories.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        new Response(await db.QueryToListAsync<Category>(ListSql, ct));
}
