using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.ListImages;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListImages.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Row>(ListSql, new { req.ProductId }, ct);
        if (rows.Count == 0) return StaffProductEditor.NotFound;
        return new Response(rows.Where(r => r.Id is not null).Select(r => GalleryImage.From(new GalleryImage.Row
        {
            Id = r.Id!.Value, ProductId = r.ProductId, ContentType = r.ContentType!, Content = r.Content!, Width = r.Width, Height = r.Height,
            Position = r.Position ?? 0, IsPrimary = r.IsPrimary ?? false, CreatedAt = r.CreatedAt!.Value,
        })).ToList());
    }

    sealed class Row
    {
        public long? Id { get; init; }
        public long ProductId { get; init; }
        public string? ContentType { get; init; }
        public byte[]? Content { get; init; }
        public int? Width { get; init; }
        public int? Height { get; init; }
        public int? Position { get; init; }
        public bool? IsPrimary { get; init; }
        public DateTime? CreatedAt { get; init; }
    }
}
