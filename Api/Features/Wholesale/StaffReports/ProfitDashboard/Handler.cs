using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.ProfitDashboard;

/// <summary>
/// The whole answer is cached per period and business month in <see cref="ReportSnapshots"/>, served only while no order
/// write committed since (exact, on every instance). Computing it: the current business month is read live; the closed
/// months come from a snapshot of the last 35 closed months, which only writes touching orders created before the current
/// month invalidate — summing every order line of a year on each request cannot stay fast on a large order table.
/// </summary>
sealed class Handler(AppDb db, BusinessClock clock, ReportSnapshots snapshots) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProfitSql = Sql.Load<Handler>("Profit.sql");
    const int ClosedMonths = 35;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var today = clock.Today;
        return await snapshots.GetAsync($"profit:{clock.ZoneId}:{today:yyyy-MM}:{req.Period}", null, (conn, t) => ComputeAsync(conn, today, req.Period, t), db, ct);
    }

    async Task<Response> ComputeAsync(AppDb conn, DateOnly today, int period, CancellationToken ct)
    {
        var zone = clock.ZoneId;
        var current = await conn.QueryToListAsync<Response.MonthRow>(ProfitSql, new { First = 0, Last = 0, Zone = zone }, ct);
        var months = new List<Response.MonthRow>(period);
        if (period > 1)
        {
            var monthStart = new DateOnly(today.Year, today.Month, 1).ToDateTime(TimeOnly.MinValue);
            var covers = new DateTimeOffset(monthStart, clock.Zone.GetUtcOffset(monthStart)).ToUniversalTime();
            var closed = await snapshots.GetAsync($"profit-closed:{zone}:{today:yyyy-MM}", covers,
                async (d, t) => await d.QueryToListAsync<Response.MonthRow>(ProfitSql, new { First = ClosedMonths, Last = 1, Zone = zone }, t), conn, ct);
            months.AddRange(closed.Skip(closed.Count - (period - 1)));
        }
        months.AddRange(current);
        var totals = new Response.Total(months.Sum(m => m.TotalSales), months.Sum(m => m.DeliveryFees), months.Sum(m => m.CostOfGoods),
            months.Sum(m => m.ShippingCost), months.Sum(m => m.GrossProfit), months.Sum(m => m.OrderCount));
        return new Response(period, months, totals);
    }
}
