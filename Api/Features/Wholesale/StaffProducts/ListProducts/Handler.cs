using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.ListProducts;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListProducts.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var perPage = Math.Min(req.PerPage, Request.MaxPerPage);
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim().ToLowerInvariant();
        var pattern = search is null ? null : "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var rows = await db.QueryToListAsync<Row>(ListSql,
            new { req.CategoryId, Pattern = pattern, Limit = perPage, Offset = (long)(req.Page - 1) * perPage }, ct);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        var products = rows.Where(r => r.Id is not null).Select(r => r.ToProduct()).ToList();
        return new Response(products, total, (total + perPage - 1) / perPage, req.Page, perPage);
    }

    sealed class Row
    {
        public long Total { get; init; }
        public long? Id { get; init; }
        public string? Sku { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        public long? CategoryId { get; init; }
        public string? Category { get; init; }
        public string? Brand { get; init; }
        public string? UnitSize { get; init; }
        public decimal? UnitPrice { get; init; }
        public decimal? BulkPrice { get; init; }
        public int? BulkQuantity { get; init; }
        public bool? InStock { get; init; }
        public int? StockQuantity { get; init; }
        public string? ImageUrl { get; init; }
        public decimal? CostPerItem { get; init; }
        public decimal? ShipWeightOz { get; init; }
        public string? ShipBoxName { get; init; }
        public decimal? ShipBoxLength { get; init; }
        public decimal? ShipBoxWidth { get; init; }
        public decimal? ShipBoxHeight { get; init; }
        public bool? IsCustomizable { get; init; }
        public bool? IsActive { get; init; }
        public int? ImageCount { get; init; }
        public long? PrimaryImageId { get; init; }
        public DateTime? CreatedAt { get; init; }
        public DateTime? UpdatedAt { get; init; }

        public StaffProduct ToProduct() => new()
        {
            Id = Id!.Value, Sku = Sku!, Name = Name!, Description = Description, CategoryId = CategoryId, Category = Category,
            Brand = Brand, UnitSize = UnitSize, UnitPrice = UnitPrice!.Value, BulkPrice = BulkPrice, BulkQuantity = BulkQuantity,
            InStock = InStock!.Value, StockQuantity = StockQuantity, ImageUrl = ImageUrl, CostPerItem = CostPerItem,
            ShipWeightOz = ShipWeightOz, ShipBoxName = ShipBoxName, ShipBoxLength = ShipBoxLength, ShipBoxWidth = ShipBoxWidth,
            ShipBoxHeight = ShipBoxHeight, IsCustomizable = IsCustomizable ?? false, IsActive = IsActive!.Value,
            ImageCount = ImageCount ?? 0, PrimaryImageId = PrimaryImageId, CreatedAt = CreatedAt!.Value, UpdatedAt = UpdatedAt!.Value,
        };
    }
}
