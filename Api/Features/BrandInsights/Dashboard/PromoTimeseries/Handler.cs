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
        // the validator's 3-year rule, also when to is implied (today)
        if (to.DayNumber - from.DayNumber > 1096)
            return Error.Validation("INVALID_PARAMS", "Must be at most 3 years before to", metadata: new() { ["field"] = "from" });

        var rows = await db.QueryToListAsync<Row>(PointsSql, new { BrandId = brand.Id, From = from, To = to, Unit = req.Interval }, ct);
        var points = rows.Select(r =>
        {
            var t = Apportion((int)Figures.Round(r.TotalPromos, 0), [r.PercentOff, r.DollarOff, r.Bogo, r.Bundle, r.SetPrice, r.Other]);
            return new Point(r.Date, t.Sum(), t[0], t[1], t[2], t[3], t[4], t[5],
                r.DiscountCount == 0 ? 0 : Figures.Round((double)(r.DiscountSum / r.DiscountCount), 1), r.StoresWithPromos);
        }).ToList();

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

    /// <summary>
    /// Whole numbers for the bucket's average type counts that add up to <paramref name="total"/> (largest remainder), so
    /// <c>total_promos</c> of a week or month equals the sum of its type columns as it does for a day.
    /// </summary>
    internal static int[] Apportion(int total, double[] shares)
    {
        var whole = shares.Select(s => (int)Math.Floor(s)).ToArray();
        var left = total - whole.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => shares[i] - whole[i]).ThenBy(i => i))
        {
            if (left <= 0) break;
            whole[i]++; left--;
        }
        for (var i = shares.Length - 1; left < 0 && i >= 0; i--)   // never happens when the shares add up to the total
            if (whole[i] > 0) { whole[i]--; left++; i++; }
        return whole;
    }

    sealed class Row
    {
        public DateOnly Date { get; init; }
        public double TotalPromos { get; init; }
        public double PercentOff { get; init; }
        public double DollarOff { get; init; }
        public double Bogo { get; init; }
        public double Bundle { get; init; }
        public double SetPrice { get; init; }
        public double Other { get; init; }
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
