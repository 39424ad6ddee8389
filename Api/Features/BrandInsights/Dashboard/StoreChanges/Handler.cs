using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.StoreChanges;

sealed class Handler(AppDb db, BrandScope scope) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ChangesSql = Sql.Load<Handler>("StoreChanges.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var entered = await scope.EnterAsync(req.BrandKey, ct);
        if (entered.IsError) return entered.Errors;
        await using var brand = entered.Value;

        var to = brand.Today;
        var from = to.AddDays(-req.Days);
        var rows = await db.QueryToListAsync<Row>(ChangesSql, new { BrandId = brand.Id, From = from, To = to, req.Limit }, ct);
        var byKind = rows.ToLookup(r => r.Kind);

        return new Response(brand.Key, new Period(req.Days, from, to),
            Changes(byKind["added"], r => new AddedStore(r.StoreId, r.StoreName, r.StoreSlug, r.DispensaryName, r.City, r.State,
                r.Day, r.DaysAgo, r.Skus)),
            Changes(byKind["removed"], r => new RemovedStore(r.StoreId, r.StoreName, r.StoreSlug, r.DispensaryName, r.City, r.State,
                r.Day, r.DaysAgo, r.Extra, r.Skus)),
            Changes(byKind["reappeared"], r => new ReappearedStore(r.StoreId, r.StoreName, r.StoreSlug, r.DispensaryName, r.City, r.State,
                r.Day, r.DaysAgo, r.Extra, r.Skus)));
    }

    static Changes<T> Changes<T>(IEnumerable<Row> rows, Func<Row, T> map)
    {
        var list = rows.ToList();
        return new Changes<T>(list.FirstOrDefault()?.Total ?? 0, list.Select(map).ToList());
    }

    sealed class Row
    {
        public string Kind { get; init; } = "";
        public int Total { get; init; }
        public long StoreId { get; init; }
        public string StoreName { get; init; } = "";
        public string StoreSlug { get; init; } = "";
        public string DispensaryName { get; init; } = "";
        public string City { get; init; } = "";
        public string State { get; init; } = "";
        public DateOnly Day { get; init; }
        public int DaysAgo { get; init; }
        public int Skus { get; init; }
        public int Extra { get; init; }
    }
}
