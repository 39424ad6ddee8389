-- Order writes (issue 12: 5-line POST /api/orders from 50 buyers; issue 14: the 200,000-row transactions import). Every
-- order row was written into 22 indexes. Seven of them are folded into two whose reads they served, so an order now lands
-- in at most 17 (a web order with a phone and an email, which has no sales rep or payment intent: 13 instead of 19):
--   orders_created (created_at desc), orders_live_created (created_at desc, id desc, live), orders_report_window
--   (created_at include id, status, sales_rep_id and the summed amounts, live) and orders_sales_window (created_at include
--   id, live and not cancelled) become orders_live_window (created_at, id) include (status, sales_rep_id, total_amount,
--   delivery_fee, shipping_cost), live. Scanned backwards it is the newest-first list's (created_at desc, id desc) order
--   and keyset; the reports' and the sales window's created_at ranges stay index-only (status is in the index, so the
--   window's `status <> 'cancelled'` is checked there). Every created_at read of orders names `deleted_at is null`.
--   orders_customer_totals (customer_id include total_amount, live, not cancelled) is orders_customer_live (customer_id,
--   created_at desc include total_amount, same predicate) without its second column: the staff customer list, GET one,
--   merge and the export read the same entries, in customer order, index-only.
--   the unique constraint's index on order_number and orders_number_prefix (order_number text_pattern_ops, live) become one
--   unique text_pattern_ops index: `=` (every lookup by number, ON CONFLICT (order_number)) and the list's byte-order
--   prefix range (~>=~, ~<~) both use it.
create index orders_live_window on wholesale.orders (created_at, id)
    include (status, sales_rep_id, total_amount, delivery_fee, shipping_cost) where deleted_at is null;
drop index wholesale.orders_created;
drop index wholesale.orders_live_created;
drop index wholesale.orders_report_window;
drop index wholesale.orders_sales_window;
drop index wholesale.orders_customer_totals;
create unique index orders_number on wholesale.orders (order_number text_pattern_ops);
alter table wholesale.orders drop constraint orders_order_number_key;
drop index wholesale.orders_number_prefix;

-- product_sales_daily updates were never HOT: its day index included units, so each order line's upsert wrote a new
-- entry into both indexes. The day range reads (the window roll, the window's catch-up days) read units from the heap now;
-- they cover a day or two. Free space on each page lets the update stay on it.
create index product_sales_daily_day on wholesale.product_sales_daily (day);
drop index wholesale.product_sales_daily_window;
alter table wholesale.product_sales_daily set (fillfactor = 70);
alter table wholesale.product_sales_window set (fillfactor = 70);
analyze wholesale.orders;
