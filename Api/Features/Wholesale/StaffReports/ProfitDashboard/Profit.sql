-- The last @Period business months (in @Zone), each with its live, not-cancelled orders (by created_at): sales = order totals
-- (delivery fees included), cost of goods = sum of line quantity x unit_cost snapshot (lines without a cost count 0),
-- shipping cost = what the carrier cost us (orders.shipping_cost), gross profit = sales - cost of goods - shipping cost.
with months as (
    select m::timestamp as month_start
    from generate_series(date_trunc('month', now() at time zone @Zone) - make_interval(months => @Period - 1),
                         date_trunc('month', now() at time zone @Zone), interval '1 month') m
), o as (
    select date_trunc('month', o.created_at at time zone @Zone) as month_start, o.id, o.total_amount, o.delivery_fee, o.shipping_cost
    from wholesale.orders o
    where o.deleted_at is null and o.status <> 'cancelled'
      and o.created_at >= ((select min(month_start) from months) at time zone @Zone)
), c as (
    select i.order_id, sum(i.quantity * coalesce(i.unit_cost, 0)) as cogs
    from wholesale.order_items i
    where i.order_id in (select id from o)
    group by i.order_id
)
select extract(year from m.month_start)::int as "Year", extract(month from m.month_start)::int as "Month",
       to_char(m.month_start, 'Mon YYYY') as "MonthLabel",
       count(o.id) as "OrderCount",
       coalesce(sum(o.total_amount), 0) as "TotalSales",
       coalesce(sum(o.delivery_fee), 0) as "DeliveryFees",
       round(coalesce(sum(c.cogs), 0), 2) as "CostOfGoods",
       coalesce(sum(o.shipping_cost), 0) as "ShippingCost",
       round(coalesce(sum(o.total_amount), 0) - coalesce(sum(c.cogs), 0) - coalesce(sum(o.shipping_cost), 0), 2) as "GrossProfit",
       case when count(o.id) = 0 then 0 else round(sum(o.total_amount) / count(o.id), 2) end as "AvgOrderValue"
from months m
left join o on o.month_start = m.month_start
left join c on c.order_id = o.id
group by m.month_start
order by m.month_start;
