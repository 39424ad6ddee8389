using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.GetImage;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetImage.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Response>(GetSql, new { req.ProductId }, ct) is [var img]
            ? img : Error.NotFound("NOT_FOUND", "This product has no image");
}
