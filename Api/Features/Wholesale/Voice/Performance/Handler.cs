using System.Globalization;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.Performance;

/// <summary>
/// Calls whose start (else logging) day in the business time zone is within [date_from, date_to] (default the last 30 days).
/// <c>total_orders</c>/<c>total_revenue</c>: calls that placed an order still live (not cancelled) and that order's total;
/// <c>total_cost</c>: call minutes × <c>Wholesale:Voice:CostPerMinute</c>; <c>avg_score</c> over evaluated calls;
/// <c>resolution_rate</c>/<c>hallucination_rate</c>: shares of evaluated calls (0-1); <c>roi</c> = (revenue − cost) / cost (null without cost).
/// Rows per day, ISO week (Monday) or month with the same measures.
/// </summary>
sealed class Handler(AppDb db, BusinessClock clock, IConfiguration config) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var to = req.DateTo is null ? clock.Today : DateOnly.ParseExact(req.DateTo, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = req.DateFrom is null ? to.AddDays(-30) : DateOnly.ParseExact(req.DateFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (from > to) return VoiceKit.Invalid("date_from", "date_from is after date_to");
        if (to.DayNumber - from.DayNumber > 3660) return VoiceKit.Invalid("date_from", "at most 10 years at a time");
        var unit = req.Granularity switch { "weekly" => "week", "monthly" => "month", _ => "day" };
        return (await VoiceKit.JsonAsync(db, """
            with c as (
                select l.*, (coalesce(l.start_time, l.created_at) at time zone @Tz)::date as day,
                       case when o.status <> 'cancelled' and o.deleted_at is null then o.total_amount end as revenue
                  from wholesale.call_log l left join wholesale.orders o on o.id = l.order_id
                 where (coalesce(l.start_time, l.created_at) at time zone @Tz)::date between @From and @To
                   and (@AgentId is null or l.agent_id = @AgentId)
            ), m as (
                select date_trunc(@Unit, day)::date as period, count(*) as total_calls, count(revenue) as total_orders,
                       coalesce(sum(revenue), 0)::numeric(14,2) as total_revenue,
                       round(coalesce(sum(duration_seconds), 0) / 60.0 * @Rate, 2) as total_cost,
                       round(avg(eval_score), 1) as avg_score,
                       round(avg(case when eval_resolved is null then null when eval_resolved then 1.0 else 0 end), 3) as resolution_rate,
                       round(avg(case when eval_hallucination is null then null when eval_hallucination then 1.0 else 0 end), 3) as hallucination_rate
                  from c group by grouping sets ((date_trunc(@Unit, day)::date), ())
            )
            select json_build_object(
                'date_from', @From, 'date_to', @To, 'granularity', @Granularity, 'cost_per_minute', @Rate,
                'summary', (select json_build_object('total_calls', coalesce(total_calls, 0), 'total_orders', coalesce(total_orders, 0),
                        'total_revenue', coalesce(total_revenue, 0), 'total_cost', coalesce(total_cost, 0), 'avg_score', avg_score,
                        'resolution_rate', resolution_rate, 'hallucination_rate', hallucination_rate,
                        'roi', case when total_cost > 0 then round((total_revenue - total_cost) / total_cost, 2) end)
                      from (select 1) one left join m on m.period is null),
                'rows', coalesce((select json_agg(json_build_object('period', period, 'total_calls', total_calls, 'total_orders', total_orders,
                        'total_revenue', total_revenue, 'total_cost', total_cost, 'avg_score', avg_score, 'resolution_rate', resolution_rate,
                        'hallucination_rate', hallucination_rate, 'roi', case when total_cost > 0 then round((total_revenue - total_cost) / total_cost, 2) end)
                        order by period) from m where period is not null), '[]'))::text
            """, new
        {
            Tz = clock.ZoneId, From = from, To = to, req.AgentId, Unit = unit, Granularity = req.Granularity ?? "daily",
            Rate = VoiceSettings.CostPerMinute(config),
        }, ct))!.Value;
    }
}
