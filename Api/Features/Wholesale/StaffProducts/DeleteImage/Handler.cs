using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.DeleteImage;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteImage.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var editor = new StaffProductEditor(db, http.HttpContext!);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (!await editor.LockAsync(req.ProductId, ct)) return StaffProductEditor.NotFound;
        if ((await db.QueryToListAsync<long>(DeleteSql, new { req.ProductId, req.ImageId }, ct)).Count == 0)
            return Error.NotFound("IMAGE_NOT_FOUND", "This product has no such image");
        await editor.SyncPrimaryAsync(req.ProductId, ct);
        var product = (await editor.ViewAsync(req.ProductId, ct))!;
        await tx.CommitAsync(ct);
        return new Response(true, product);
    }
}
