-- Locks a live product row for a write (orders reserving stock wait, and are waited for).
select id as "Id", sku as "Sku", stock_quantity as "StockQuantity", in_stock as "InStock", image_url as "ImageUrl"
from wholesale.products
where id = @Id and deleted_at is null
for update;
