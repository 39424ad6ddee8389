using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.RemoveImage;

/// <summary>
/// Removes the display image: the stored primary image is deleted and an external image_url is cleared. The next gallery
/// image becomes the display image; with none left image_url is null. A product without an image answers 200 unchanged.
/// </summary>
sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RemoveSql = Sql.Load<Handler>("RemovePrimary.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var editor = new StaffProductEditor(db, http.HttpContext!);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (!await editor.LockAsync(req.ProductId, ct)) return StaffProductEditor.NotFound;
        await db.ExecuteAsync(RemoveSql, new { req.ProductId }, ct);
        await editor.SyncPrimaryAsync(req.ProductId, ct, clearExternal: true);
        var product = (await editor.ViewAsync(req.ProductId, ct))!;
        await tx.CommitAsync(ct);
        return new Response(true, product);
    }
}
