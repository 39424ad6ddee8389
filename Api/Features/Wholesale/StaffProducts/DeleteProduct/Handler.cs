using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.DeleteProduct;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteProduct.sql");
    static readonly string AuditSql = Sql.Load<Handler>("Audit.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var by = Caller.From(http.HttpContext!.User);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<string>(DeleteSql, new { req.ProductId }, ct) is not [var sku])
            return Error.NotFound("NOT_FOUND", "Product not found");
        await db.ExecuteAsync(AuditSql, new { by.ActorKind, ActorId = by.Id, req.ProductId, Sku = sku }, ct);
        await tx.CommitAsync(ct);
        return new Response(true, $"Product {sku} deleted");
    }
}
