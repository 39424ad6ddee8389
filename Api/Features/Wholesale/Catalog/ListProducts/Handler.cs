using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Catalog.ListProducts;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string BrowseSql = Sql.Load<Handler>("Browse.sql");
    static readonly string SearchSql = Sql.Load<Handler>("Search.sql");
    static readonly string FuzzySql = Sql.Load<Handler>("Fuzzy.sql");
    const string TrigramThreshold = "set local pg_trgm.word_similarity_threshold = 0.4";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var perPage = Math.Min(req.PerPage, Request.MaxPerPage);
        var query = string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim();
        var args = new
        {
            req.CategoryId, Category = string.IsNullOrWhiteSpace(req.Category) ? null : req.Category.Trim(), Query = query,
            Limit = perPage, Offset = (req.Page - 1) * perPage,
        };
        List<Row> rows;
        if (query is null) rows = await db.QueryToListAsync<Row>(BrowseSql, args, ct);
        else
        {
            rows = await db.QueryToListAsync<Row>(SearchSql, args, ct);
            if (rows is [{ Total: 0 }])
            {
                // typo fallback: pg_trgm's default word-similarity cut-off (0.6) misses "chiken" for "chickens"; 0.4 for this query only
                await using var tx = await db.BeginTransactionAsync(ct);
                await db.ExecuteAsync(TrigramThreshold, ct);
                rows = await db.QueryToListAsync<Row>(FuzzySql, args, ct);
                await tx.CommitAsync(ct);
            }
        }
        var total = rows.Count > 0 ? rows[0].Total : 0;
        var items = rows.Where(r => r.Id is not null).Select(r => new Item
        {
            Id = r.Id!.Value, Name = r.Name!, Sku = r.Sku!, Brand = r.Brand, UnitPrice = r.UnitPrice!.Value, BulkPrice = r.BulkPrice,
            BulkQuantity = r.BulkQuantity, UnitSize = r.UnitSize, InStock = r.InStock!.Value,
        }).ToList();
        return new Response(items, total, (total + perPage - 1) / perPage, req.Page, perPage);
    }

    sealed class Row
    {
        public long Total { get; init; }
        public long? Id { get; init; }
        public string? Name { get; init; }
        public string? Sku { get; init; }
        public string? Brand { get; init; }
        public decimal? UnitPrice { get; init; }
        public decimal? BulkPrice { get; init; }
        public int? BulkQuantity { get; init; }
        public string? UnitSize { get; init; }
        public bool? InStock { get; init; }
    }
}
