using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.SalesCatalog;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string CatalogSql = Sql.Load<Handler>("SalesCatalog.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Row>(CatalogSql, ct);
        var result = new Response();
        foreach (var g in rows.GroupBy(r => (r.CategoryId, r.CategoryName)))
            result.Add(new Category
            {
                Id = g.Key.CategoryId, Name = g.Key.CategoryName,
                Products = g.Select(r => new Product
                {
                    Id = r.Id, Name = r.Name, Sku = r.Sku, UnitPrice = r.UnitPrice, BulkPrice = r.BulkPrice, BulkQuantity = r.BulkQuantity,
                    Brand = r.Brand, UnitSize = r.UnitSize, InStock = r.InStock,
                }).ToList(),
            });
        return result;
    }

    sealed class Row
    {
        public long? CategoryId { get; init; }
        public string CategoryName { get; init; } = "";
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Sku { get; init; } = "";
        public decimal UnitPrice { get; init; }
        public decimal? BulkPrice { get; init; }
        public int? BulkQuantity { get; init; }
        public string? Brand { get; init; }
        public string? UnitSize { get; init; }
        public bool InStock { get; init; }
    }
}
