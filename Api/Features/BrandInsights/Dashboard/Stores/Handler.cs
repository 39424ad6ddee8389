using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.Stores;

sealed class Handler(AppDb db, BrandScope scope) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string Filter = Sql.Load<Handler>("Filter.sql");
    static readonly string PageSql = Sql.Load<Handler>("StoresPage.sql").Replace("/*FILTER*/", Filter);
    static readonly string AggregatesSql = Sql.Load<Handler>("StoresAggregates.sql").Replace("/*FILTER*/", Filter);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var entered = await scope.EnterAsync(req.BrandKey, ct);
        if (entered.IsError) return entered.Errors;
        await using var brand = entered.Value;

        var state = req.State?.ToUpperInvariant();
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : "%" + Like(req.Search.Trim()) + "%";
        var args = new { BrandId = brand.Id, req.Status, State = state, Search = search, req.Sort, Desc = req.Order == "desc", req.Limit, req.Offset };
        var page = await db.QueryToListAsync<Row>(PageSql, args, ct);
        var agg = (await db.QueryToListAsync<AggRow>(AggregatesSql, args, ct)).Single();

        var stores = page.Select(r => new StoreEntry(r.StoreId, r.StoreName, r.StoreSlug, r.DispensaryName, r.City, r.State, r.DutchieUrl,
            new Presence(r.Status, r.FirstSeen, r.LastSeen, r.TenureDays),
            new SkuCounts(r.Active, r.InStock, r.OnPromo, r.TotalEver),
            new PriceStats(r.AvgCents, r.MinCents, r.MaxCents),
            new Activity(r.NewSkus, r.RemovedSkus, r.PriceChanges))).ToList();
        var topStates = JsonSerializer.Deserialize<List<StateCount>>(agg.TopStates, JsonOptions) ?? [];
        return new Response(brand.Key, new Filters(req.Status, state, req.Search),
            new Pagination(agg.Total, req.Limit, req.Offset, req.Offset + stores.Count < agg.Total),
            stores, new Aggregates(agg.Total, agg.StatesCount, agg.AvgSkus, topStates));
    }

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    static string Like(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    sealed class Row
    {
        public long StoreId { get; init; }
        public string StoreName { get; init; } = "";
        public string StoreSlug { get; init; } = "";
        public string DispensaryName { get; init; } = "";
        public string City { get; init; } = "";
        public string State { get; init; } = "";
        public string DutchieUrl { get; init; } = "";
        public string Status { get; init; } = "";
        public DateOnly FirstSeen { get; init; }
        public DateOnly LastSeen { get; init; }
        public int TenureDays { get; init; }
        public int Active { get; init; }
        public int InStock { get; init; }
        public int OnPromo { get; init; }
        public int TotalEver { get; init; }
        public int? AvgCents { get; init; }
        public int? MinCents { get; init; }
        public int? MaxCents { get; init; }
        public int NewSkus { get; init; }
        public int RemovedSkus { get; init; }
        public int PriceChanges { get; init; }
    }

    sealed class AggRow
    {
        public int Total { get; init; }
        public int StatesCount { get; init; }
        public double AvgSkus { get; init; }
        public string TopStates { get; init; } = "[]";
    }
}
