using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.CallQueue;

/// <summary>
/// One SQL statement for the whole answer (no query per customer):
/// <list type="bullet">
/// <item>Live orders (not cancelled, not deleted) aggregated per customer: count, lifetime value, average, first and last order,
/// read from <c>wholesale.customer_order_stats</c>, which triggers on the orders keep equal to that aggregate (migration 0026,
/// <c>functions/customer_order_stats_orders.sql</c>).</item>
/// <item>Excluded always: <c>do_not_call</c> customers and numbers on <c>wholesale.do_not_call</c> (no parameter overrides it),
/// missing or non-E.164 phones, deleted or merged customers. Filters: days since the last order (business time zone) within
/// [min, max], at least <c>min_order_count</c> orders, cooldown: a logged outbound call within <c>cooldown_days</c> hides the
/// customer unless that latest outcome is a callback whose <c>callback_date</c> is today or earlier.</item>
/// <item><c>priority_score = (days_since_last_order / avg_reorder_cycle) × ltv_weight</c>: <c>avg_reorder_cycle</c> = mean gap
/// between the customer's orders ((last − first) / (count − 1) days, at least 1); one-order customers take the median cycle of all
/// multi-order customers (7 when there are none). <c>ltv_weight</c> = lifetime value / median lifetime value of all ordering
/// customers, clamped to [0.5, 3].</item>
/// <item>For the page only: reorder candidates (last order's products), top 3 categories by lines ordered, up to 3 upsells
/// (products in the recent orders of other customers that share a product with this customer's last order, ranked by how often,
/// never one this customer has bought), talking points, credit status (the shared <see cref="Standing"/> definition) and the last call.</item>
/// <item>Ranking (issue 16's speed work): the reorder gap is stored in the summary (<c>gap</c>, a generated column, 0027); both
/// medians are PostgreSQL's <c>percentile_cont(0.5)</c> arithmetic on the middle entries of an index (count, then offset), not a
/// sort of every customer; candidates come from a <c>last_at</c> range (a day wider than the days window, which is then applied
/// exactly); the cooldown reads only the calls logged within it (then the customer's latest call) and the page's
/// <c>last_call</c> is one index lookup per row. <c>CallQueueRankingTests</c> compares every sort, filter and page with the
/// formula computed plainly.</item>
/// <item>Plan: the candidates are ranked and the page cut first; the page's live orders and their lines are read once
/// (materialized), each product's 40 most recent orders once however many page customers share it, and every per-customer
/// list is grouped and joined to the page (a correlated subquery over a CTE would run the CTE again for every row).</item>
/// <item>Generic plans (0030): the statement is prepared, and after five runs PostgreSQL uses a generic plan that estimates one
/// candidate and nested-loops CTE joins. So the uncallable customers (partial index <c>customers_uncallable</c> plus listed
/// numbers), the cooldown-hidden ones and, for the credit filter, the standings are each one jsonb object looked up per
/// candidate, never a join of two CTEs; candidates are summary rows alone and <c>customers</c> is read for the page.</item>
/// </list>
/// </summary>
sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static string Sql(bool creditFilter) => $$"""
        with med_n as materialized (
            select count(s.gap) as gaps, count(*) as all_n from wholesale.customer_order_stats s
        ), med_gap as materialized (
            -- the one or two middle entries of customer_order_stats_gap (one index scan)
            select array_agg(x.v) as v
              from (select s.gap::float8 as v from wholesale.customer_order_stats s where s.gap is not null order by s.gap
                     offset (select (gaps - 1) / 2 from med_n) limit (select 2 - gaps % 2 from med_n)) x
        ), med_ltv as materialized (
            select array_agg(x.v) as v
              from (select s.ltv::float8 as v from wholesale.customer_order_stats s order by s.ltv
                     offset (select (all_n - 1) / 2 from med_n) limit (select 2 - all_n % 2 from med_n)) x
        ), med as materialized (
            -- percentile_cont(0.5) as PostgreSQL computes it over float8: the lower middle value, plus half the difference to
            -- the upper one when the count is even (7 and null when there are no values, as before)
            select coalesce(g.v[1] + 0.5::float8 * (g.v[cardinality(g.v)] - g.v[1]), 7) as cycle,
                   nullif(l.v[1] + 0.5::float8 * (l.v[cardinality(l.v)] - l.v[1]), 0) as ltv
              from med_gap g cross join med_ltv l
        ), hidden as materialized (
            -- only a call within the cooldown can hide a customer, and then it is the customer's latest call: hidden unless
            -- that call is a callback due today or earlier. One jsonb set of the hidden ids, looked up per candidate (a join
            -- to these calls ran, in the generic plan, as a nested loop re-sorting them for every candidate)
            select coalesce(jsonb_object_agg(rc.customer_id::text, true)
                              filter (where not coalesce(rc.outcome in ('interested_callback', 'busy_callback') and rc.callback_date <= @Today, false)),
                            '{}') as ids
              from (select distinct on (l.customer_id) l.customer_id, l.outcome, l.callback_date
                      from wholesale.outbound_call_log l
                     where l.customer_id is not null and l.created_at >= now() - make_interval(days => @Cooldown)
                     order by l.customer_id, l.created_at desc, l.id desc) rc
        ), uncallable as materialized (
            -- customers never called, whatever the filters: flagged do_not_call, deleted, merged, a missing or non-E.164 phone
            -- (the exact negation of the callable condition; partial index customers_uncallable, 0030), or a number on the
            -- do-not-call list. A handful of ids in one jsonb set, so the candidates need no customers row each
            select coalesce(jsonb_object_agg(x.id::text, true), '{}') as ids
              from (select c.id from wholesale.customers c
                     where (not c.do_not_call and c.deleted_at is null and c.merged_into is null
                            and c.phone ~ '^\+[1-9][0-9]{6,14}$') is not true
                    union
                    select c.id from wholesale.do_not_call d
                     cross join lateral (select c.id from wholesale.customers c where c.phone = d.phone offset 0) c) x
        ), cand as (
            select a.customer_id as id,
                   a.n, a.ltv, round(a.ltv / a.n, 2) as aov, (a.last_at at time zone @Tz)::date as last_day,
                   @Today - (a.last_at at time zone @Tz)::date as days,
                   greatest(case when a.n > 1 then a.gap else med.cycle end, 1) as cycle,
                   least(greatest(coalesce(a.ltv / med.ltv, 1), 0.5), 3) as weight
              from wholesale.customer_order_stats a cross join med cross join hidden h cross join uncallable u
             where a.n >= @MinOrders
               -- the days window as a range of last_at (a day wider each side, for the index), then exactly
               and a.last_at >= (@Today - @MaxDays - 1)::timestamp at time zone @Tz
               and a.last_at < (@Today - @MinDays + 2)::timestamp at time zone @Tz
               and @Today - (a.last_at at time zone @Tz)::date between @MinDays and @MaxDays
               and u.ids -> a.customer_id::text is null
               and h.ids -> a.customer_id::text is null
        ), scored as (
            select cand.*, round((days / cycle * weight)::numeric, 2) as score from cand
        ), {{(creditFilter
            ? "ids as (select s.id from scored s join wholesale.customers c on c.id = s.id where (not c.account_approved or c.payment_terms <> 'net30') is not true), " + Standing.Cte.Trim() + ", " + CreditFilter
            : "filtered as (select s.*, null::text as credit_status from scored s)")}},
        ranked as (
            select f.*, count(*) over () as total from filtered f
             order by case when @Sort = 'days_desc' then f.days end desc nulls last,
                      case when @Sort = 'ltv_desc' then f.ltv end desc nulls last,
                      f.score desc, f.id
             limit @Limit offset @Offset
        ), page as materialized (
            select r.*, c.phone, nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as name, c.company_name
              from ranked r join wholesale.customers c on c.id = r.id
        ), {{(creditFilter ? "" : "ids as (select id from page), " + Standing.Cte.Trim() + ",")}}
        pord as materialized (
            select o.customer_id, o.id, o.created_at
              from page pg join wholesale.orders o on o.customer_id = pg.id
             where o.deleted_at is null and o.status <> 'cancelled'
        ), pitems as materialized (
            select po.customer_id, po.id as order_id, i.product_id, i.product_name, i.line_total
              from pord po join wholesale.order_items i on i.order_id = po.id
        ), lastord as (
            select distinct on (po.customer_id) po.customer_id, po.id
              from pord po
             order by po.customer_id, po.created_at desc, po.id desc
        ), reorder as materialized (
            select lo.customer_id, pi.product_id, min(pi.product_name) as name, sum(pi.line_total) as spent
              from lastord lo join pitems pi on pi.order_id = lo.id
             group by lo.customer_id, pi.product_id
        ), mine as materialized (
            select pi.customer_id, array_agg(distinct pi.product_id) filter (where pi.product_id is not null) as products
              from pitems pi group by pi.customer_id
        ), cats as (
            select x.customer_id, x.name, row_number() over (partition by x.customer_id order by x.lines desc, x.name) as rn
              from (select pp.customer_id, cat.name, sum(pp.lines) as lines
                      from (select pi.customer_id, pi.product_id, count(*) as lines from pitems pi group by pi.customer_id, pi.product_id) pp
                      join wholesale.products p on p.id = pp.product_id join wholesale.categories cat on cat.id = p.category_id
                     group by pp.customer_id, cat.name) x
        ), recent as materialized (
            select rp.product_id, po.order_id
              from (select distinct product_id from reorder where product_id is not null) rp
              cross join lateral (select i.order_id from wholesale.order_items i where i.product_id = rp.product_id order by i.order_id desc limit 40) po
        ), peer as (
            select r.customer_id, i2.product_id, count(*) as together
              from reorder r
              join recent po on po.product_id = r.product_id
              join wholesale.order_items i2 on i2.order_id = po.order_id
              left join mine m on m.customer_id = r.customer_id
             where i2.product_id is not null and not (i2.product_id = any(coalesce(m.products, '{}')))
             group by r.customer_id, i2.product_id
        ), ups as (
            select pe.customer_id, p.name, row_number() over (partition by pe.customer_id order by pe.together desc, p.name) as rn
              from peer pe join wholesale.products p on p.id = pe.product_id
             where p.deleted_at is null and p.is_active
        ), reorder_l as (
            select r.customer_id, array_agg(r.name order by r.spent desc, r.name) as names from reorder r group by r.customer_id
        ), cats_l as (
            select c.customer_id, array_agg(c.name order by c.rn) as names from cats c where c.rn <= 3 group by c.customer_id
        ), ups_l as (
            select u.customer_id, array_agg(u.name order by u.rn) as names from ups u where u.rn <= 3 group by u.customer_id
        ), rows as (
            select pg.*, {{(creditFilter ? "pg.credit_status" : "cr.credit_status")}} as credit,
                   lc.created_at as call_at, lc.outcome as call_outcome, lc.callback_date, lc.notes as call_notes,
                   coalesce(rl.names, '{}') as reorder_candidates, coalesce(cl.names, '{}') as top_categories,
                   coalesce(ul.names, '{}') as suggested_upsells
              from page pg
              {{(creditFilter ? "" : "left join credit cr on cr.customer_id = pg.id")}}
              left join reorder_l rl on rl.customer_id = pg.id
              left join cats_l cl on cl.customer_id = pg.id
              left join ups_l ul on ul.customer_id = pg.id
              left join lateral (select l.created_at, l.outcome, l.callback_date, l.notes from wholesale.outbound_call_log l
                                  where l.customer_id = pg.id order by l.created_at desc, l.id desc limit 1) lc on true
        )
        select json_build_object(
            'results', coalesce(json_agg(json_build_object(
                'customer_id', r.id, 'phone', r.phone, 'customer_name', coalesce(r.name, r.company_name, r.phone), 'company_name', r.company_name,
                'days_since_last_order', r.days, 'last_order_date', r.last_day, 'average_order_value', r.aov, 'lifetime_value', r.ltv,
                'order_count', r.n, 'reorder_candidates', r.reorder_candidates, 'top_categories', r.top_categories,
                'suggested_upsells', r.suggested_upsells,
                'talking_points', array_remove(array[
                    'Last order was ' || r.days || ' days ago' || coalesce(' — may be running low on ' || r.reorder_candidates[1], ''),
                    case when r.n >= 5 then 'Loyal customer with ' || r.n || ' orders — offer volume discount'
                         else 'Customer with ' || r.n || case when r.n = 1 then ' order' else ' orders' end || ', lifetime value $' || r.ltv end,
                    case when cardinality(r.top_categories) > 0 then 'Top categories: ' || array_to_string(r.top_categories, ', ') end,
                    case when cardinality(r.suggested_upsells) > 0 then 'Suggest: ' || array_to_string(r.suggested_upsells, ', ') end,
                    case r.credit when 'overdue' then 'Account has an overdue balance — mention payment before a new Net 30 order'
                                  when 'good' then 'Approved for Net 30 terms' end,
                    case when r.call_outcome in ('interested_callback', 'busy_callback') then 'Asked us to call back' || coalesce(' on ' || r.callback_date, '') end
                ], null),
                'credit_status', r.credit, 'priority_score', r.score,
                'last_call', case when r.call_at is not null then json_build_object('date', (r.call_at at time zone @Tz)::date, 'outcome', r.call_outcome,
                                  'callback_date', r.callback_date, 'notes', r.call_notes) end)
                order by case when @Sort = 'days_desc' then r.days end desc nulls last,
                         case when @Sort = 'ltv_desc' then r.ltv end desc nulls last, r.score desc, r.id), '[]'),
            'total', coalesce(max(r.total), 0), 'page', @Page, 'limit', @Limit,
            'generated_at', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
          from rows r
        """;

    /// <summary>
    /// The credit filter needs every candidate's standing (the total counts them all). Only candidates not already
    /// <c>no_terms</c> from their own row are in <c>ids</c> (so their orders are read); the statuses are then looked up in one
    /// jsonb object by id. Joining the candidates to the <c>credit</c> CTE instead let PostgreSQL's generic plan (the API's
    /// statements are prepared, and after five runs run on a generic plan that estimates one candidate) choose a nested
    /// loop that scanned the whole CTE for every candidate: 3,658 × 1,041 rows, 1.8-3.7 s on the bench data.
    /// </summary>
    const string CreditFilter = """
        credit_map as materialized (
            select coalesce(jsonb_object_agg(cr.customer_id::text, cr.credit_status), '{}') as m from credit cr
        ), filtered as (
            select s.*, coalesce(cm.m ->> s.id::text, 'no_terms') as credit_status
              from scored s cross join credit_map cm
             where coalesce(cm.m ->> s.id::text, 'no_terms') = @Credit
        )
        """;

    static readonly string WithCredit = Sql(true), WithoutCredit = Sql(false);

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var credit = req.CreditStatus is null or "" or "none" ? null : req.CreditStatus;
        var limit = req.Limit ?? 50; var page = req.Page ?? 1;
        return (await VoiceKit.JsonAsync(db, credit is null ? WithoutCredit : WithCredit, new
        {
            Tz = clock.ZoneId, Today = clock.Today, MinDays = req.MinDaysSinceOrder ?? 14, MaxDays = req.MaxDaysSinceOrder ?? 180,
            MinOrders = req.MinOrderCount ?? 1, Cooldown = req.CooldownDays ?? 10, Limit = limit, Offset = (page - 1) * limit, Page = page,
            Sort = req.Sort ?? "priority", Credit = credit,
        }, ct))!.Value;
    }
}
