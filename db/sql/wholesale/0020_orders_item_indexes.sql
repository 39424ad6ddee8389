-- POST /api/orders (issue 12 bench: 5-line orders from 50 buyers): every order line was written into seven indexes of
-- order_items. Four of them are subsumed by others, so each line now goes into four:
--   order_items_order (order_id), order_items_cost (order_id) include (quantity, unit_cost) and order_items_product_qty
--   (order_id) include (product_id, quantity) become one (order_id) include (product_id, quantity, unit_cost): every lookup
--   of an order's lines uses it, and the cost-of-goods (0007) and sales-window (0013) reads stay index-only;
--   order_items_product (product_id) is the leading column of order_items_product_recent (product_id, order_id desc, 0014),
--   which serves the lookups by product and the foreign-key checks of product deletes.
create index order_items_order_lines on wholesale.order_items (order_id) include (product_id, quantity, unit_cost);
drop index wholesale.order_items_order;
drop index wholesale.order_items_cost;
drop index wholesale.order_items_product_qty;
drop index wholesale.order_items_product;
