using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesReports.MySales;

sealed class Handler(AppDb db, TimeProvider time) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string SummarySql = Sql.Load<Handler>("Summary.sql");
    static readonly string OrdersSql = Sql.Load<Handler>("Orders.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var scope = RepScope.Resolve(req.Caller, req.RepId, allowAll: false);
        if (scope.IsError) return scope.Errors;
        var repId = scope.Value!.Value;
        if (await db.QueryToListAsync<RepInfo>("""
                select id as "Id", coalesce(nullif(trim(concat_ws(' ', first_name, last_name)), ''), username::text) as "Name",
                       role as "Role", commission_rate as "CommissionRate"
                from wholesale.staff_users where id = @RepId
                """, new { RepId = repId }, ct) is not [var rep])
            return Error.NotFound("SalesRep.NotFound", "Sales rep not found");
        var since = time.GetUtcNow().AddDays(-req.Days).UtcDateTime;
        var s = (await db.QueryToListAsync<Summary>(SummarySql, new { RepId = repId, Since = since }, ct)).Single();
        var orders = await db.QueryToListAsync<OrderRow>(OrdersSql, new { RepId = repId, Since = since, Rate = rep.CommissionRate }, ct);
        return new Response(rep, req.Days, s.PeriodOrders, s.PeriodRevenue, s.AllTimeOrders, s.AllTimeRevenue, rep.CommissionRate,
            orders.Where(o => o.CommissionEarned).Sum(o => o.CommissionAmount), orders);
    }

    sealed class Summary
    {
        public long PeriodOrders { get; init; }
        public decimal PeriodRevenue { get; init; }
        public long AllTimeOrders { get; init; }
        public decimal AllTimeRevenue { get; init; }
    }
}
