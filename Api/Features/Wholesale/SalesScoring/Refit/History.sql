-- Per customer, from order history up to the cutoff (a business-time-zone date): one transaction per customer-day, cancelled
-- and deleted orders out. x = repeat days, t_x and T in weeks from the first day, zbar = mean value of the repeat days;
-- Later = transaction days after the cutoff (the holdout's actuals). One read serves the run and its holdout check: the H*
-- columns are the same figures at @HoldoutCutoff (13 weeks earlier), meaningful where "InHoldout" (the customer had bought by
-- then; 0 elsewhere). Reading the orders once instead of twice saves about a second on 25,000 buyers.
with days as (
    select o.customer_id, (o.created_at at time zone @Zone)::date as d, sum(o.total_amount) as amount, count(*) as n,
           min(o.created_at) as first_at, max(o.created_at) as last_at
    from wholesale.orders o
    where o.customer_id is not null and o.status <> 'cancelled' and o.deleted_at is null
    group by 1, 2
), ranked as (
    select d.*, min(d.d) over (partition by d.customer_id) as first_day from days d
)
select customer_id as "CustomerId",
       (count(*) filter (where d <= cast(@Cutoff as date)) - 1)::int as "X",
       ((max(d) filter (where d <= cast(@Cutoff as date))) - first_day) / 7.0 as "Tx",
       (cast(@Cutoff as date) - first_day) / 7.0 as "T",
       coalesce(sum(amount) filter (where d > first_day and d <= cast(@Cutoff as date)), 0) as "RepeatAmount",
       coalesce(sum(n) filter (where d <= cast(@Cutoff as date)), 0)::int as "Orders",
       coalesce(sum(amount) filter (where d <= cast(@Cutoff as date)), 0) as "Spent",
       min(first_at) as "FirstAt",
       max(last_at) filter (where d <= cast(@Cutoff as date)) as "LastAt",
       (count(*) filter (where d > cast(@Cutoff as date)))::int as "Later",
       first_day <= cast(@HoldoutCutoff as date) as "InHoldout",
       greatest(count(*) filter (where d <= cast(@HoldoutCutoff as date)) - 1, 0)::int as "HX",
       coalesce(((max(d) filter (where d <= cast(@HoldoutCutoff as date))) - first_day) / 7.0, 0) as "HTx",
       greatest(cast(@HoldoutCutoff as date) - first_day, 0) / 7.0 as "HT",
       coalesce(sum(amount) filter (where d > first_day and d <= cast(@HoldoutCutoff as date)), 0) as "HRepeatAmount",
       (count(*) filter (where d > cast(@HoldoutCutoff as date)))::int as "HLater"
from ranked
where first_day <= cast(@Cutoff as date)
group by customer_id, first_day
order by customer_id;
