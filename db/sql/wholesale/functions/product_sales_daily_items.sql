-- wholesale.product_sales_daily_items: repeatable. Created in 0023_fulfil_read_sales_daily.sql. Statement-level trigger on
-- order_items keeping wholesale.product_sales_daily (units per product per UTC day on live, uncancelled orders) exact: the
-- inserted lines add, the deleted ones subtract, an update subtracts the old lines and adds the new. The orders of the
-- lines are locked FOR SHARE first, so a concurrent status change (cancel, soft delete) of the same order waits for this
-- transaction and then sees these lines (product_sales_daily_orders), or this statement waits for it and sees the new status.
-- Since 0028 the same deltas of days on or after the state's from_day also move wholesale.product_sales_window (the running
-- window total per product); the state row is held FOR KEY SHARE until commit, so a roll (product_sales_window_roll) either
-- saw these lines committed or moves from_day before they are added.
-- Since 0029 the orders written by this very transaction are not locked: a row version this transaction created (an order
-- inserted with its lines, as POST /api/orders and the transactions import do, or one it updated) is invisible to others
-- until commit or already locked by this transaction's update, so no concurrent status change can slip between; locking
-- them only cost a WAL record per order (the import's 80,000 orders: seconds). Orders of other transactions are locked as before.
create or replace function wholesale.product_sales_daily_items() returns trigger
language plpgsql as $$
declare
    v_from date;
    v_me xid := pg_current_xact_id()::xid;
begin
    if tg_op = 'TRUNCATE' then
        truncate wholesale.product_sales_daily, wholesale.product_sales_window;
        return null;
    end if;
    if tg_op = 'UPDATE' then
        -- most line updates touch neither the order, the product nor the quantity: nothing to do
        if not exists (select 1 from old_rows o join new_rows n on n.id = o.id
                       where (n.order_id, n.product_id, n.quantity) is distinct from (o.order_id, o.product_id, o.quantity)) then
            return null;
        end if;
        perform 1 from wholesale.orders o
        where o.id in (select order_id from new_rows where product_id is not null
                       union select order_id from old_rows where product_id is not null)
          and o.xmin <> v_me for share;
    elsif tg_op = 'INSERT' then
        perform 1 from wholesale.orders o
        where o.id in (select order_id from new_rows where product_id is not null) and o.xmin <> v_me for share;
    else
        perform 1 from wholesale.orders o
        where o.id in (select order_id from old_rows where product_id is not null) and o.xmin <> v_me for share;
    end if;
    select s.from_day into v_from from wholesale.product_sales_window_state s for key share;

    if tg_op = 'INSERT' then
        with delta as (
            select r.product_id, (o.created_at at time zone 'UTC')::date as day, sum(r.quantity)::bigint as units
            from new_rows r join wholesale.orders o on o.id = r.order_id
            where r.product_id is not null and o.status <> 'cancelled' and o.deleted_at is null
            group by 1, 2
        ), daily as (
            insert into wholesale.product_sales_daily as d (product_id, day, units)
            select product_id, day, units from delta
            on conflict (product_id, day) do update set units = d.units + excluded.units
        )
        insert into wholesale.product_sales_window as w (product_id, units)
        select product_id, sum(units) from delta where day >= v_from group by 1 having sum(units) <> 0
        on conflict (product_id) do update set units = w.units + excluded.units;
    elsif tg_op = 'DELETE' then
        with delta as (
            select r.product_id, (o.created_at at time zone 'UTC')::date as day, -sum(r.quantity)::bigint as units
            from old_rows r join wholesale.orders o on o.id = r.order_id
            where r.product_id is not null and o.status <> 'cancelled' and o.deleted_at is null
            group by 1, 2
        ), daily as (
            insert into wholesale.product_sales_daily as d (product_id, day, units)
            select product_id, day, units from delta
            on conflict (product_id, day) do update set units = d.units + excluded.units
        )
        insert into wholesale.product_sales_window as w (product_id, units)
        select product_id, sum(units) from delta where day >= v_from group by 1 having sum(units) <> 0
        on conflict (product_id) do update set units = w.units + excluded.units;
    else
        with delta as (
            select x.product_id, x.day, sum(x.units) as units
            from (
                select r.product_id, (o.created_at at time zone 'UTC')::date as day, r.quantity::bigint as units
                from new_rows r join wholesale.orders o on o.id = r.order_id
                where r.product_id is not null and o.status <> 'cancelled' and o.deleted_at is null
                union all
                select r.product_id, (o.created_at at time zone 'UTC')::date, -r.quantity::bigint
                from old_rows r join wholesale.orders o on o.id = r.order_id
                where r.product_id is not null and o.status <> 'cancelled' and o.deleted_at is null
            ) x
            group by 1, 2
            having sum(x.units) <> 0
        ), daily as (
            insert into wholesale.product_sales_daily as d (product_id, day, units)
            select product_id, day, units from delta
            on conflict (product_id, day) do update set units = d.units + excluded.units
        )
        insert into wholesale.product_sales_window as w (product_id, units)
        select product_id, sum(units) from delta where day >= v_from group by 1 having sum(units) <> 0
        on conflict (product_id) do update set units = w.units + excluded.units;
    end if;
    return null;
end
$$;
