-- The order's lines (a JSON array of price and product snapshots).
insert into wholesale.order_items (order_id, product_id, product_name, product_sku, product_brand, product_unit_size,
                                   quantity, unit_price, unit_cost, is_bulk_price, line_total)
select @OrderId, x.product_id, x.product_name, x.product_sku, x.product_brand, x.product_unit_size,
       x.quantity, x.unit_price, x.unit_cost, x.is_bulk_price, x.line_total
from jsonb_to_recordset(cast(@Items as jsonb)) as x(product_id bigint, product_name text, product_sku text, product_brand text,
                                                   product_unit_size text, quantity int, unit_price numeric,
                                                   unit_cost numeric, is_bulk_price boolean, line_total numeric);
