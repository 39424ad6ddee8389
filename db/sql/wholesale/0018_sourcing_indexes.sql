-- inventory-needs (issue 15, part B; target p95 < 100 ms over 50,000 products): the sales window is read from the live,
-- uncancelled orders of the last 90 days. This partial index answers that range with an index-only scan (created_at, id);
-- 0007's orders_live_created does not know the status, so it would visit the heap for every order. order_items_product_qty
-- (0013: order_id include product_id, quantity) then gives each order's lines without touching the heap, so the work grows
-- with the window's order lines, not with the catalog.
create index orders_sales_window on wholesale.orders (created_at) include (id) where status <> 'cancelled' and deleted_at is null;
