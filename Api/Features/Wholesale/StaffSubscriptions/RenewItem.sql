-- The renewal order's one line (a snapshot of the product at today's price).
insert into wholesale.order_items (order_id, product_id, product_name, product_sku, product_brand, product_unit_size,
                                   quantity, unit_price, unit_cost, is_bulk_price, line_total)
values (@OrderId, @ProductId, @Name, @Sku, @Brand, @UnitSize, @Quantity, @UnitPrice, @Cost, @IsBulk, @LineTotal);
