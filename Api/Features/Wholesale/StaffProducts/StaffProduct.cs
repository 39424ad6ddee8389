namespace Api.Features.Wholesale.StaffProducts;

/// <summary>
/// The staff <c>product</c> object: the key API's fields plus what staff manage (cost, shipping, customisation) and the
/// number of stored images and the primary one's id. <c>ship_weight_oz</c> is the stored weight_lb × 16; the box is in inches.
/// </summary>
sealed record StaffProduct
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
    public decimal? CostPerItem { get; init; }
    public decimal? ShipWeightOz { get; init; }
    public string? ShipBoxName { get; init; }
    public decimal? ShipBoxLength { get; init; }
    public decimal? ShipBoxWidth { get; init; }
    public decimal? ShipBoxHeight { get; init; }
    public bool IsCustomizable { get; init; }
    public bool IsActive { get; init; }
    public int ImageCount { get; init; }
    /// <summary>The stored image image_url names (first in the gallery), or null.</summary>
    public long? PrimaryImageId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
