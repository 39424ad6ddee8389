using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.DeleteProduct;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteProduct.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<string>(DeleteSql, new { req.ProductId }, ct) is not [var snapshot])
            return Error.NotFound("Product.NotFound", "Procurement product not found");
        await ProcurementAudit.WriteAsync(db, http.HttpContext!.User.StaffId(), "procurement_product.delete", "procurement_product", req.ProductId, snapshot, ct);
        await tx.CommitAsync(ct);
        return new Response(true);
    }
}
