-- wholesale.product_sales_daily_orders: repeatable. Created in 0023_fulfil_read_sales_daily.sql. Statement-level trigger on
-- orders updates keeping wholesale.product_sales_daily exact: an order that stops counting (cancelled, soft deleted) takes
-- its lines off its day, one that counts again puts them back, and a changed created_at moves them to the new UTC day.
-- Updates that change none of that (nearly all of them) cost one join of the transition tables.
create or replace function wholesale.product_sales_daily_orders() returns trigger
language plpgsql as $$
begin
    insert into wholesale.product_sales_daily as d (product_id, day, units)
    select i.product_id, x.day, sum(x.sign * i.quantity)
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
    on conflict (product_id, day) do update set units = d.units + excluded.units;
    return null;
end
$$;
