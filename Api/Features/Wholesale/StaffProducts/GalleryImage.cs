namespace Api.Features.Wholesale.StaffProducts;

/// <summary>
/// A gallery image as staff see it: <c>image_url</c> is the stored (re-encoded) image as a base64 data URL, as the document
/// describes; the primary one is also served at the product's <c>image_url</c>.
/// </summary>
sealed record GalleryImage(long Id, long ProductId, string ImageUrl, string ContentType, int? Width, int? Height, int Position,
    bool IsPrimary, DateTime CreatedAt)
{
    public static GalleryImage From(Row r) =>
        new(r.Id, r.ProductId, StaffImagePipeline.DataUrl(r.ContentType, r.Content), r.ContentType, r.Width, r.Height, r.Position, r.IsPrimary, r.CreatedAt);

    public sealed class Row
    {
        public long Id { get; init; }
        public long ProductId { get; init; }
        public string ContentType { get; init; } = "";
        public byte[] Content { get; init; } = [];
        public int? Width { get; init; }
        public int? Height { get; init; }
        public int Position { get; init; }
        public bool IsPrimary { get; init; }
        public DateTime CreatedAt { get; init; }
    }
}
