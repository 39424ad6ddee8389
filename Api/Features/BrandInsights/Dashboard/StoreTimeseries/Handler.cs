using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.StoreTimeseries;

sealed class Handler(AppDb db, BrandScope scope) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string PointsSql = Sql.Load<Handler>("StoreTimeseries.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var entered = await scope.EnterAsync(req.BrandKey, ct);
        if (entered.IsError) return entered.Errors;
        await using var brand = entered.Value;

        var to = req.To ?? brand.Today;
        var from = req.From ?? to.AddDays(-30);
        if (from > to) return Error.Validation("INVALID_PARAMS", "Must not be after to", metadata: new() { ["field"] = "from" });
        // the validator's 3-year rule, also when to is implied (today)
        if (to.DayNumber - from.DayNumber > 1096)
            return Error.Validation("INVALID_PARAMS", "Must be at most 3 years before to", metadata: new() { ["field"] = "from" });

        var rows = await db.QueryToListAsync<Row>(PointsSql, new { BrandId = brand.Id, From = from, To = to, Unit = req.Interval }, ct);
        var points = rows.Select(r => new Point(r.Date, r.Stores, r.StoresAdded, r.StoresRemoved, r.StoresAdded - r.StoresRemoved,
            r.Skus, r.SkusInStock, r.SkusNew, r.SkusRemoved, r.SkusNew - r.SkusRemoved)).ToList();
        var summary = points.Count == 0
            ? new Summary(null, null, null, null, null, null, null, null)
            : new Summary(points[0].Stores, points[^1].Stores, points.Max(p => p.Stores), points.Min(p => p.Stores),
                points[0].Skus, points[^1].Skus, points.Max(p => p.Skus), points.Min(p => p.Skus));
        return new Response(brand.Key, new Period(from, to, req.Interval, points.Count), points, summary);
    }

    sealed class Row
    {
        public DateOnly Date { get; init; }
        public int Stores { get; init; }
        public int StoresAdded { get; init; }
        public int StoresRemoved { get; init; }
        public int Skus { get; init; }
        public int SkusInStock { get; init; }
        public int SkusNew { get; init; }
        public int SkusRemoved { get; init; }
    }
}
