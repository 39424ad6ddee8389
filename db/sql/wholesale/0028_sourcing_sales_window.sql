-- inventory-needs (issue 15; target p95 < 100 ms over 50,000 products): a per-product running total of the sales window,
-- so a request no longer sums ~131,000 daily rows (0023) into ~39,000 product totals.
--   wholesale.product_sales_window        units per product over the days of wholesale.product_sales_daily on or after
--                                         the state's from_day (every later day included, so today and any future-dated
--                                         order count without a roll)
--   wholesale.product_sales_window_state  that from_day (one row)
-- The triggers that keep product_sales_daily (functions/product_sales_daily_{items,orders}.sql) add each delta of a day on
-- or after from_day to the product's total, holding the state row FOR KEY SHARE until they commit. The window slides by
-- one day a day: functions/product_sales_window_roll.sql moves from_day to the window's first whole day and subtracts the
-- days that left (it takes the state row FOR UPDATE SKIP LOCKED, so it never waits for writers and they never see half a
-- roll). The read (functions/product_sales_window_units.sql) never depends on the roll having run: it corrects the total
-- by the daily rows between from_day and the window's first whole day (a few thousand rows per day of lag) and adds the
-- window's partial first day from the orders.
create table wholesale.product_sales_window (
    product_id bigint primary key,
    units      bigint not null
);
create table wholesale.product_sales_window_state (
    id       boolean primary key default true check (id),
    from_day date    not null
);
insert into wholesale.product_sales_window_state (from_day)
values (((now() - interval '90 days') at time zone 'UTC')::date + 1);
insert into wholesale.product_sales_window (product_id, units)
select d.product_id, sum(d.units)
from wholesale.product_sales_daily d
where d.day >= (select from_day from wholesale.product_sales_window_state)
group by d.product_id
having sum(d.units) <> 0;
analyze wholesale.product_sales_window;

-- the list's figures (stock against the window's units, the category for the lead time) read the live tracked-stock
-- products index-only instead of the 4,300 heap pages of wholesale.products; names only for the rows answered
create index products_reorder_stock on wholesale.products (id) include (stock_quantity, category_id)
    where deleted_at is null and stock_quantity is not null;
