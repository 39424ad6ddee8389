using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.Products;

sealed class Handler(AppDb db, BrandScope scope) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string Filter = Sql.Load<Handler>("Filter.sql");
    static readonly string PageSql = Sql.Load<Handler>("ProductsPage.sql").Replace("/*FILTER*/", Filter);
    static readonly string AggregatesSql = Sql.Load<Handler>("ProductsAggregates.sql").Replace("/*FILTER*/", Filter);
    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var entered = await scope.EnterAsync(req.BrandKey, ct);
        if (entered.IsError) return entered.Errors;
        await using var brand = entered.Value;

        var args = new
        {
            BrandId = brand.Id, req.Status, req.Sort, Desc = req.Order == "desc", req.Limit, req.Offset,
            InStock = req.InStock is null ? (bool?)null : req.InStock == "true",
            OnPromo = req.OnPromo is null ? (bool?)null : req.OnPromo == "true",
            Search = string.IsNullOrWhiteSpace(req.Search) ? null : "%" + Like(req.Search.Trim()) + "%",
            StoreSlug = string.IsNullOrWhiteSpace(req.StoreSlug) ? null : req.StoreSlug,
        };
        var page = await db.QueryToListAsync<Row>(PageSql, args, ct);
        var agg = (await db.QueryToListAsync<AggRow>(AggregatesSql, args, ct)).Single();

        var products = page.Select(r => new ProductEntry(r.ProductId, r.Fingerprint, r.Name, $"{brand.Name} {r.Name}", r.Variant, r.Weight,
            new Distribution(r.StoreCount, r.StoreCountPrev, r.StoreCount - r.StoreCountPrev, Figures.Direction(r.StoreCount, r.StoreCountPrev), r.States),
            new Pricing(r.AvgPrice, r.MinPrice, r.MaxPrice,
                r.MinPrice is > 0 && r.MaxPrice is { } max ? Figures.Round((max - r.MinPrice.Value) * 100.0 / r.MinPrice.Value, 1) : 0,
                Figures.Money(r.AvgPrice), Figures.Money(r.MinPrice), Figures.Money(r.MaxPrice)),
            new Stock(r.InStock, r.OutOfStock, Figures.Percent(r.InStock, r.InStock + r.OutOfStock)),
            new Promos(r.OnPromo, Figures.Percent(r.OnPromo, r.StoreCount), Figures.Percent(r.PromoDays, r.ListedDays), r.CommonPromoType),
            new Lifecycle(r.FirstSeen, r.DaysTracked, r.Status))).ToList();
        var categories = JsonSerializer.Deserialize<List<Category>>(agg.Categories, JsonOptions) ?? [];
        return new Response(brand.Key, new Filters(req.StoreSlug, req.Status, req.InStock, req.OnPromo, req.Search),
            new Pagination(agg.Total, req.Limit, req.Offset, req.Offset + products.Count < agg.Total),
            products, new Aggregates(agg.Total, agg.InStock, agg.OnPromo, agg.AvgStores, categories));
    }

    static string Like(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    sealed class Row
    {
        public long ProductId { get; init; }
        public string Fingerprint { get; init; } = "";
        public string Name { get; init; } = "";
        public string Variant { get; init; } = "";
        public string Weight { get; init; } = "";
        public string Status { get; init; } = "";
        public DateOnly FirstSeen { get; init; }
        public int DaysTracked { get; init; }
        public int StoreCount { get; init; }
        public int StoreCountPrev { get; init; }
        public string[] States { get; init; } = [];
        public int? AvgPrice { get; init; }
        public int? MinPrice { get; init; }
        public int? MaxPrice { get; init; }
        public int InStock { get; init; }
        public int OutOfStock { get; init; }
        public int OnPromo { get; init; }
        public int PromoDays { get; init; }
        public int ListedDays { get; init; }
        public string? CommonPromoType { get; init; }
    }

    sealed class AggRow
    {
        public int Total { get; init; }
        public int InStock { get; init; }
        public int OnPromo { get; init; }
        public double AvgStores { get; init; }
        public string Categories { get; init; } = "[]";
    }
}
