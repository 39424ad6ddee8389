using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffInventory.ListInventory;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListInventory.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var perPage = Math.Min(req.PerPage, Request.MaxPerPage);
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim().ToLowerInvariant();
        var pattern = search is null ? null : "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var category = string.IsNullOrWhiteSpace(req.Category) ? null : req.Category.Trim();
        long? categoryId = category is not null && category.All(char.IsAsciiDigit) && long.TryParse(category, out var n) ? n : null;
        var rows = await db.QueryToListAsync<Row>(ListSql, new
        {
            Category = category, CategoryId = categoryId, InStock = Request.ParseBool(req.InStock), Pattern = pattern,
            Limit = perPage, Offset = (long)(req.Page - 1) * perPage,
        }, ct);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        var items = rows.Where(r => r.Id is not null).Select(r => new Item
        {
            Id = r.Id!.Value, Name = r.Name!, Sku = r.Sku!, Brand = r.Brand, UnitSize = r.UnitSize, CategoryId = r.CategoryId,
            Category = r.Category, InStock = r.InStock!.Value, UnitPrice = r.UnitPrice!.Value, BulkPrice = r.BulkPrice,
            BulkQuantity = r.BulkQuantity, StockQuantity = r.StockQuantity, Tracked = r.StockQuantity is not null,
            CostPerItem = r.CostPerItem, IsActive = r.IsActive!.Value, ImageUrl = r.ImageUrl, UpdatedAt = r.UpdatedAt!.Value,
        }).ToList();
        return new Response(items, total, req.Page, perPage, (total + perPage - 1) / perPage);
    }

    sealed class Row
    {
        public long Total { get; init; }
        public long? Id { get; init; }
        public string? Name { get; init; }
        public string? Sku { get; init; }
        public string? Brand { get; init; }
        public string? UnitSize { get; init; }
        public long? CategoryId { get; init; }
        public string? Category { get; init; }
        public bool? InStock { get; init; }
        public decimal? UnitPrice { get; init; }
        public decimal? BulkPrice { get; init; }
        public int? BulkQuantity { get; init; }
        public int? StockQuantity { get; init; }
        public decimal? CostPerItem { get; init; }
        public bool? IsActive { get; init; }
        public string? ImageUrl { get; init; }
        public DateTime? UpdatedAt { get; init; }
    }
}
