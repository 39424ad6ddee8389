using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.PromoTimeseries;

sealed class Handler(AppDb db, BrandScope scope) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string PointsSql = Sql.Load<Handler>("PromoTimeseries.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var entered = await scope.EnterAsync(req.BrandKey, ct);
        if (entered.IsError) return entered.Errors;
        await using var brand = entered.Value;

        var to = req.To ?? brand.Today;
        var from = req.From ?? to.AddDays(-30);
        if (from > to) return Error.Validation("INVALID_PARAMS", "Must not be after to", metadata: new() { ["field"] = "from" });

        var rows = await db.QueryToListAsync<Row>(PointsSql, new { BrandId = brand.Id, From = from, To = to, Unit = req.Interval }, ct);
        var points = rows.Select(r => new Point(r.Date, r.TotalPromos, r.PercentOff, r.DollarOff, r.Bogo, r.Bundle, r.SetPrice, r.Other,
            r.DiscountCount == 0 ? 0 : Figures.Round((double)(r.DiscountSum / r.DiscountCount), 1), r.StoresWithPromos)).ToList();

        var days = rows.Sum(r => r.Days);
        var byType = new (string Type, long Days)[]
        {
            ("percent_off", rows.Sum(r => r.PercentOffSum)), ("dollar_off", rows.Sum(r => r.DollarOffSum)), ("bogo", rows.Sum(r => r.BogoSum)),
            ("bundle", rows.Sum(r => r.BundleSum)), ("set_price", rows.Sum(r => r.SetPriceSum)), ("other", rows.Sum(r => r.OtherSum)),
        };
        var top = byType.MaxBy(t => t.Days);   // first of equals: the document's order
        var peak = points.Count == 0 ? null : points.OrderByDescending(p => p.TotalPromos).ThenBy(p => p.Date).First();
        var discountCount = rows.Sum(r => r.DiscountCount);
        var summary = new Summary(
            rows.Sum(r => r.PromoDays),
            peak?.TotalPromos, peak?.Date,
            days == 0 ? 0 : Figures.Round(rows.Sum(r => (double)r.PromosSum) / days, 1),
            top.Days > 0 ? top.Type : null,
            discountCount == 0 ? null : Figures.Round((double)(rows.Sum(r => r.DiscountSum) / discountCount), 1));
        return new Response(brand.Key, new Period(from, to, req.Interval, points.Count), points, summary);
    }

    sealed class Row
    {
        public DateOnly Date { get; init; }
        public int TotalPromos { get; init; }
        public int PercentOff { get; init; }
        public int DollarOff { get; init; }
        public int Bogo { get; init; }
        public int Bundle { get; init; }
        public int SetPrice { get; init; }
        public int Other { get; init; }
        public decimal DiscountSum { get; init; }
        public int DiscountCount { get; init; }
        public int StoresWithPromos { get; init; }
        public int Days { get; init; }
        public int PromoDays { get; init; }
        public long PromosSum { get; init; }
        public long PercentOffSum { get; init; }
        public long DollarOffSum { get; init; }
        public long BogoSum { get; init; }
        public long BundleSum { get; init; }
        public long SetPriceSum { get; init; }
        public long OtherSum { get; init; }
    }
}
