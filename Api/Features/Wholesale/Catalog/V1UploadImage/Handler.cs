using Api.Features.Wholesale.Catalog.Editing;
using Api.Features.Wholesale.Catalog.Images;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UploadImage;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StoreSql = Sql.Load<Handler>("StoreImage.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var ctx = http.HttpContext!;
        var prepared = ImagePipeline.Prepare(req.Image);
        if (prepared.IsError) return prepared.Errors;
        var image = prepared.Value;
        var thumbnail = ImagePipeline.Thumbnail(image.Content);

        var editor = new ProductEditor(db);
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await editor.FindAsync(req.Identifier, ct) is not { } product) return ProductEditor.NotFound;
        var imageId = await db.ExecuteAsync<long>(StoreSql, new
        {
            ProductId = product.Id, image.Content, image.ContentType, image.Width, image.Height, Thumbnail = thumbnail,
        }, ct);
        var url = $"{ctx.Request.PathBase}{Api.Infrastructure.Modules.Modules.Wholesale.BasePath}/api/products/{product.Id}/image?v={imageId}";
        var result = await editor.ApplyAsync(product.Id, new ProductPatch { ImageUrl = url }, Caller.From(ctx.User), "POST /api/v1/products/image", ct);
        if (result.IsError) return result.Errors;
        await tx.CommitAsync(ct);
        return new Response(true, url, result.Value);
    }
}
