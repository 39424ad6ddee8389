-- inventory-needs (issue 15; target p95 < 100 ms over 50,000 products): units sold per product per UTC day on live,
-- uncancelled orders, kept exact by statement-level triggers on order_items (insert, update, delete, truncate) and on
-- orders (an update that changes whether the order counts, or its day). The 90-day window is then read from this rollup
-- (about half the rows of the window's order lines, and no join with orders) plus the window's first, partial day from the
-- orders themselves, so the figures equal the old per-line sum to the second. Trigger functions: functions/
-- product_sales_daily_items.sql and functions/product_sales_daily_orders.sql (created here first, re-applied from there).
create table wholesale.product_sales_daily (
    product_id bigint not null,
    day        date   not null,
    units      bigint not null,
    primary key (product_id, day)
);
-- the list reads a range of days; the primary key answers one product's days
create index product_sales_daily_window on wholesale.product_sales_daily (day) include (product_id, units);

create or replace function wholesale.product_sales_daily_items() returns trigger
language plpgsql as $$
begin
    return null;
end
$$;
create or replace function wholesale.product_sales_daily_orders() returns trigger
language plpgsql as $$
begin
    return null;
end
$$;

create trigger order_items_sales_daily_ins after insert on wholesale.order_items
    referencing new table as new_rows for each statement execute function wholesale.product_sales_daily_items();
create trigger order_items_sales_daily_upd after update on wholesale.order_items
    referencing old table as old_rows new table as new_rows for each statement execute function wholesale.product_sales_daily_items();
create trigger order_items_sales_daily_del after delete on wholesale.order_items
    referencing old table as old_rows for each statement execute function wholesale.product_sales_daily_items();
create trigger order_items_sales_daily_trunc after truncate on wholesale.order_items
    for each statement execute function wholesale.product_sales_daily_items();
create trigger orders_sales_daily_upd after update on wholesale.orders
    referencing old table as old_rows new table as new_rows for each statement execute function wholesale.product_sales_daily_orders();

insert into wholesale.product_sales_daily (product_id, day, units)
select i.product_id, (o.created_at at time zone 'UTC')::date, sum(i.quantity)
from wholesale.orders o
join wholesale.order_items i on i.order_id = o.id
where o.status <> 'cancelled' and o.deleted_at is null and i.product_id is not null
group by 1, 2;
analyze wholesale.product_sales_daily;
