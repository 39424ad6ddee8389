-- Shipping orders search (issue 15, bench row wholesale-shipping-orders-search: GET /api/shipping/orders?status=all&q=...).
-- The list filters `order_number ilike 'q%' or lower(delivery name || ' ' || company) like '%q%'`; the name side already
-- has orders_delivery_name_trgm, but a case-insensitive prefix cannot use the btree orders_number_prefix, so the whole OR
-- fell back to a sequential scan of every order (about 400 ms over the bench's 634,000 orders, wrk timeouts at 16
-- connections). A trigram index on the order number lets the planner answer both sides with a BitmapOr (about 20 ms).
create index orders_number_trgm on wholesale.orders using gin (order_number gin_trgm_ops) where deleted_at is null;
