using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.GetProductBySku;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetProductBySku.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var sku = req.Sku.Trim();
        if (sku.Length is 0 or > 64 || sku.Contains('\0')) return Error.NotFound("NOT_FOUND", "Product not found");
        return await db.QueryToListAsync<Response>(GetSql, new { Sku = sku }, ct) is [var p] ? p : Error.NotFound("NOT_FOUND", "Product not found");
    }
}
