namespace Api.Features.Wholesale.Catalog.Editing;

/// <summary>
/// The key API's <c>product</c> object: the public detail fields plus what an integrator needs to sync (category name,
/// tracked stock, active flag, timestamps). Never cost.
/// </summary>
sealed record ProductView
{
    public long Id { get; init; }
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public long? CategoryId { get; init; }
    public string? Category { get; init; }
    public string? Brand { get; init; }
    public string? UnitSize { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    public bool InStock { get; init; }
    public int? StockQuantity { get; init; }
    public string? ImageUrl { get; init; }
    public bool IsActive { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
