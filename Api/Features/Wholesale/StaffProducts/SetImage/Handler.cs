using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.SetImage;

/// <summary>
/// "Replace" keeps the earlier display image in the gallery (one place down) rather than erasing it; staff remove it with
/// DELETE .../images/{image_id}. The new image is position 0 and image_url names it.
/// </summary>
sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var prepared = StaffImagePipeline.Prepare(req.Image);
        if (prepared.IsError) return prepared.Errors;
        var editor = new StaffProductEditor(db, http.HttpContext!);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (!await editor.LockAsync(req.ProductId, ct)) return StaffProductEditor.NotFound;
        var imageId = await editor.StoreImageAsync(req.ProductId, prepared.Value, primary: true, ct);
        var product = (await editor.ViewAsync(req.ProductId, ct))!;
        await tx.CommitAsync(ct);
        return new Response(true, editor.ImageUrl(req.ProductId, imageId), imageId, product);
    }
}
