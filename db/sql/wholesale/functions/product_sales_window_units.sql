-- wholesale.product_sales_window_units: repeatable (0028). Units per product sold on live, uncancelled orders created at or
-- after as_of - window_days (one product when product is not null; only products above 0), equal to the sum over the
-- order lines at any as_of, whatever the roll's state:
--   the running total wholesale.product_sales_window (days >= from_day)
--   - the daily rows of [from_day, first whole day) when the roll is behind, + those of [first whole day, from_day) when
--     it is ahead (another window length or an earlier as_of); empty when the roll is current
--   + the window's partial first UTC day, from the orders and their lines (orders_sales_window, order_items_order_lines)
-- A stable SQL function, inlined into the caller's plan.
create or replace function wholesale.product_sales_window_units(as_of timestamptz, window_days int, product bigint)
returns table (product_id bigint, units bigint)
language sql stable as $$
    with b as (
        select x.start, (x.start at time zone 'UTC')::date + 1 as first_day,
               (select s.from_day from wholesale.product_sales_window_state s) as from_day
        from (select as_of - make_interval(days => window_days) as start) x
    ), fix as (
        select c.product_id, sum(c.units)::bigint as units
        from (
            select d.product_id, case when d.day < b.first_day then -d.units else d.units end as units
            from wholesale.product_sales_daily d, b
            where d.day >= least(b.from_day, b.first_day) and d.day < greatest(b.from_day, b.first_day)
              and (product is null or d.product_id = product)
            union all
            select i.product_id, i.quantity
            from b, wholesale.orders o
            join wholesale.order_items i on i.order_id = o.id
            where o.created_at >= b.start and o.created_at < (b.first_day::timestamp at time zone 'UTC')
              and o.status <> 'cancelled' and o.deleted_at is null
              and i.product_id is not null and (product is null or i.product_id = product)
        ) c
        group by c.product_id
    )
    select coalesce(w.product_id, f.product_id), coalesce(w.units, 0) + coalesce(f.units, 0)
    from (select w.product_id, w.units from wholesale.product_sales_window w
          where w.units <> 0 and (product is null or w.product_id = product)) w
    full join fix f on f.product_id = w.product_id
    where coalesce(w.units, 0) + coalesce(f.units, 0) > 0
$$;
