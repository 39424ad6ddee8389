-- The business months from @First to @Last months before the current one (in @Zone; 0 = the current month), each with its
-- live, not-cancelled orders (by created_at): sales = order totals (delivery fees included), cost of goods = sum of line
-- quantity x unit_cost snapshot (lines without a cost count 0), shipping cost = what the carrier cost us
-- (orders.shipping_cost), gross profit = sales - cost of goods - shipping cost.
with months as (
    select m::timestamp as month_start
    from generate_series(date_trunc('month', now() at time zone @Zone) - make_interval(months => @First),
                         date_trunc('month', now() at time zone @Zone) - make_interval(months => @Last), interval '1 month') m
), o as materialized (
    select date_trunc('month', o.created_at at time zone @Zone) as month_start, o.id, o.total_amount, o.delivery_fee, o.shipping_cost
    from wholesale.orders o
    where o.deleted_at is null and o.status <> 'cancelled'
      and o.created_at >= ((select min(month_start) from months) at time zone @Zone)
      and o.created_at < (((select max(month_start) from months) + interval '1 month') at time zone @Zone)
), c as (
    select o.month_start, sum(i.quantity * coalesce(i.unit_cost, 0)) as cogs
    from o join wholesale.order_items i on i.order_id = o.id
    group by o.month_start
), s as (
    select o.month_start, count(*) as n, sum(o.total_amount) as sales, sum(o.delivery_fee) as fees, sum(o.shipping_cost) as shipping
    from o group by o.month_start
)
select extract(year from m.month_start)::int as "Year", extract(month from m.month_start)::int as "Month",
       to_char(m.month_start, 'Mon YYYY') as "MonthLabel",
       coalesce(s.n, 0) as "OrderCount",
       coalesce(s.sales, 0) as "TotalSales",
       coalesce(s.fees, 0) as "DeliveryFees",
       round(coalesce(c.cogs, 0), 2) as "CostOfGoods",
       coalesce(s.shipping, 0) as "ShippingCost",
       round(coalesce(s.sales, 0) - coalesce(c.cogs, 0) - coalesce(s.shipping, 0), 2) as "GrossProfit",
       case when coalesce(s.n, 0) = 0 then 0 else round(s.sales / s.n, 2) end as "AvgOrderValue"
from months m
left join s on s.month_start = m.month_start
left join c on c.month_start = m.month_start
order by m.month_start;
