-- The lines of the given orders, in the order they were placed.
select order_id as "OrderId", product_id as "ProductId", product_name as "ProductName", product_sku as "ProductSku",
       product_brand as "ProductBrand", product_unit_size as "ProductUnitSize", quantity as "Quantity",
       unit_price as "UnitPrice", line_total as "LineTotal"
from wholesale.order_items
where order_id = any(@Ids)
order by order_id, id;
