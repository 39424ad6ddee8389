using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.SalesCallingList.SegmentCounts;

/// <summary>Counts over the entries the caller can see (segments as in the list), and the caller's calls and orders today.</summary>
sealed class Handler(AppDb db, IOptions<CallingListOptions> options, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string CountSql = $"""
        select count(*) filter (where {CallingList.Segments["priority"]})::int as "Priority",
               count(*) filter (where {CallingList.Segments["window"]})::int as "Window",
               count(*) filter (where {CallingList.Segments["lapsed"]})::int as "Lapsed",
               count(*) filter (where {CallingList.Segments["called"]})::int as "Called",
               count(*)::int as "All"
        from wholesale.calling_list e
        where {CallingList.Visible}
        """;
    static readonly string KpiSql = Sql.Load<Handler>("SegmentCounts.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var o = options.Value;
        var segments = (await db.QueryToListAsync<Segments>(CountSql, new { req.RepId, Threshold = o.PriorityThreshold, o.CooldownDays }, ct))[0];
        var kpi = (await db.QueryToListAsync<KpiRow>(KpiSql, new { req.StaffId, Today = clock.Today.ToDateTime(TimeOnly.MinValue), Tz = clock.ZoneId }, ct))[0];
        var conversion = kpi.Calls == 0 ? 0 : Math.Round(100.0 * kpi.Orders / kpi.Calls, 1);
        return new Response(segments, new Kpi(kpi.Calls, kpi.Orders, kpi.Revenue, conversion));
    }

    sealed class KpiRow
    {
        public int Calls { get; init; }
        public int Orders { get; init; }
        public decimal Revenue { get; init; }
    }
}
