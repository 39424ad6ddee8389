using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.ProfitDashboard;

sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProfitSql = Sql.Load<Handler>("Profit.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var months = await db.QueryToListAsync<Response.MonthRow>(ProfitSql, new { Period = req.Period, Zone = clock.ZoneId }, ct);
        var totals = new Response.Total(months.Sum(m => m.TotalSales), months.Sum(m => m.DeliveryFees), months.Sum(m => m.CostOfGoods),
            months.Sum(m => m.ShippingCost), months.Sum(m => m.GrossProfit), months.Sum(m => m.OrderCount));
        return new Response(req.Period, months, totals);
    }
}
