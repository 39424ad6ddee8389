using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.ProfitDashboard;

/// <summary>
/// The current business month is read live; the closed months come from a <see cref="ReportSnapshots"/> snapshot of the last
/// 35 closed months (at most <see cref="ReportSnapshots.MaxAge"/> old, so a late cancellation of an old order shows within
/// minutes) — summing every order line of a year on each request cannot stay fast on a large order table.
/// </summary>
sealed class Handler(AppDb db, BusinessClock clock, ReportSnapshots snapshots) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProfitSql = Sql.Load<Handler>("Profit.sql");
    const int ClosedMonths = 35;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var zone = clock.ZoneId;
        var current = await db.QueryToListAsync<Response.MonthRow>(ProfitSql, new { First = 0, Last = 0, Zone = zone }, ct);
        var months = new List<Response.MonthRow>(req.Period);
        if (req.Period > 1)
        {
            var today = clock.Today;
            var closed = await snapshots.GetAsync($"profit-closed:{zone}:{today:yyyy-MM}",
                async (d, t) => await d.QueryToListAsync<Response.MonthRow>(ProfitSql, new { First = ClosedMonths, Last = 1, Zone = zone }, t), db, ct);
            months.AddRange(closed.Skip(closed.Count - (req.Period - 1)));
        }
        months.AddRange(current);
        var totals = new Response.Total(months.Sum(m => m.TotalSales), months.Sum(m => m.DeliveryFees), months.Sum(m => m.CostOfGoods),
            months.Sum(m => m.ShippingCost), months.Sum(m => m.GrossProfit), months.Sum(m => m.OrderCount));
        return new Response(req.Period, months, totals);
    }
}
