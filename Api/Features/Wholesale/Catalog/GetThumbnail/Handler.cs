using Api.Features.Wholesale.Catalog.Images;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.GetThumbnail;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string PrimarySql = Sql.Load<Handler>("PrimaryImage.sql");
    static readonly string SaveSql = Sql.Load<Handler>("SaveThumbnail.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Row>(PrimarySql, new { req.ProductId }, ct) is not [var row])
            return Error.NotFound("NOT_FOUND", "This product has no image");
        if (row.Thumbnail is { Length: > 0 } cached) return new Response(row.Id, cached);
        if (row.Content is null || ImagePipeline.Thumbnail(row.Content) is not { } made)
            return Error.NotFound("NOT_FOUND", "This product has no usable image");
        await db.ExecuteAsync(SaveSql, new { Thumbnail = made, row.Id }, ct);
        return new Response(row.Id, made);
    }

    sealed class Row
    {
        public long Id { get; init; }
        public byte[]? Thumbnail { get; init; }
        public byte[]? Content { get; init; }
    }
}
