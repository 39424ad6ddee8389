using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.GetProduct;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetProduct.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Response>(GetSql, new { req.ProductId }, ct) is [var p] ? p : Error.NotFound("NOT_FOUND", "Product not found");
}
