using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.UpdateProduct;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var result = await new StaffProductEditor(db, http.HttpContext!).ApplyAsync(req.ProductId, req, "PUT /api/staff/products", ct);
        if (result.IsError) return result.Errors;
        await tx.CommitAsync(ct);
        return new Response(true, result.Value);
    }
}
