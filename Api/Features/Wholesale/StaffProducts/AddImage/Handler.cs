using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.AddImage;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ImageSql = Sql.Load<Handler>("Image.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var prepared = StaffImagePipeline.Prepare(req.Image);
        if (prepared.IsError) return prepared.Errors;
        var editor = new StaffProductEditor(db, http.HttpContext!);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (!await editor.LockAsync(req.ProductId, ct)) return StaffProductEditor.NotFound;
        var imageId = await editor.StoreImageAsync(req.ProductId, prepared.Value, primary: false, ct);
        var row = (await db.QueryToListAsync<GalleryImage.Row>(ImageSql, new { req.ProductId, ImageId = imageId }, ct)).Single();
        var product = (await editor.ViewAsync(req.ProductId, ct))!;
        await tx.CommitAsync(ct);
        return new Response(true, GalleryImage.From(row), product);
    }
}
