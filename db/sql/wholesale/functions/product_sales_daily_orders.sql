-- wholesale.product_sales_daily_orders: repeatable. Created in 0023_fulfil_read_sales_daily.sql. Statement-level trigger on
-- orders updates keeping wholesale.product_sales_daily exact: an order that stops counting (cancelled, soft deleted) takes
-- its lines off its day, one that counts again puts them back, and a changed created_at moves them to the new UTC day.
-- Updates that change none of that (nearly all of them) cost one join of the transition tables and nothing else. Since
-- 0028 the deltas of days on or after the state's from_day also move wholesale.product_sales_window (see
-- product_sales_daily_items for the state row lock).
create or replace function wholesale.product_sales_daily_orders() returns trigger
language plpgsql as $$
declare
    v_from date;
begin
    if not exists (select 1 from old_rows o join new_rows n on n.id = o.id
                   where (o.status <> 'cancelled' and o.deleted_at is null, o.created_at)
                         is distinct from (n.status <> 'cancelled' and n.deleted_at is null, n.created_at)) then
        return null;
    end if;
    select s.from_day into v_from from wholesale.product_sales_window_state s for key share;
    with delta as (
        select i.product_id, x.day, sum(x.sign * i.quantity)::bigint as units
        from (
            select o.id, (o.created_at at time zone 'UTC')::date as day, -1 as sign
            from old_rows o join new_rows n on n.id = o.id
            where o.status <> 'cancelled' and o.deleted_at is null
              and not (n.status <> 'cancelled' and n.deleted_at is null and n.created_at = o.created_at)
            union all
            select n.id, (n.created_at at time zone 'UTC')::date, 1
            from old_rows o join new_rows n on n.id = o.id
            where n.status <> 'cancelled' and n.deleted_at is null
              and not (o.status <> 'cancelled' and o.deleted_at is null and n.created_at = o.created_at)
        ) x
        join wholesale.order_items i on i.order_id = x.id and i.product_id is not null
        group by 1, 2
        having sum(x.sign * i.quantity) <> 0
    ), daily as (
        insert into wholesale.product_sales_daily as d (product_id, day, units)
        select product_id, day, units from delta
        on conflict (product_id, day) do update set units = d.units + excluded.units
    )
    insert into wholesale.product_sales_window as w (product_id, units)
    select product_id, sum(units) from delta where day >= v_from group by 1 having sum(units) <> 0
    on conflict (product_id) do update set units = w.units + excluded.units;
    return null;
end
$$;
