using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.ShippingBoxes;

/// <summary>A box recommendation rule as the portal shows it (with the product's SKU and name).</summary>
sealed record BoxRule
{
    public long Id { get; init; }
    public long ProductId { get; init; }
    public string? ProductSku { get; init; }
    public string? ProductName { get; init; }
    public int QtyPerBox { get; init; }
    public string? BoxName { get; init; }
    public decimal? LengthIn { get; init; }
    public decimal? WidthIn { get; init; }
    public decimal? HeightIn { get; init; }
    public string? Notes { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public const string Select = """
        select r.id as "Id", r.product_id as "ProductId", p.sku as "ProductSku", p.name as "ProductName", r.qty_per_box as "QtyPerBox",
               r.box_name as "BoxName", r.length_in as "LengthIn", r.width_in as "WidthIn", r.height_in as "HeightIn", r.notes as "Notes",
               r.created_by as "CreatedBy", r.created_at as "CreatedAt", r.updated_at as "UpdatedAt"
        from wholesale.box_rules r join wholesale.products p on p.id = r.product_id
        """;

    public static async Task<BoxRule?> FindAsync(AppDb db, long id, CancellationToken ct) =>
        (await db.QueryToListAsync<BoxRule>(Select + " where r.id = @id", new { id }, ct)).SingleOrDefault();

    public static async Task<bool> ProductExistsAsync(AppDb db, long productId, CancellationToken ct) =>
        (await db.QueryToListAsync<bool>("select exists (select 1 from wholesale.products where id = @productId and deleted_at is null)", new { productId }, ct)).Single();

    public static ErrorOr.Error UnknownProduct => ErrorOr.Error.Validation("BoxRule.UnknownProduct", "No such product",
        new Dictionary<string, object> { ["field"] = "product_id" });
}
