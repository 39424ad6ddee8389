-- One live, active product by primary key.
select id as "Id", name as "Name", description as "Description", category_id as "CategoryId", sku as "Sku",
       unit_price as "UnitPrice", bulk_price as "BulkPrice", bulk_quantity as "BulkQuantity", unit_size as "UnitSize",
       brand as "Brand", image_url as "ImageUrl", in_stock as "InStock"
from wholesale.products
where id = @ProductId and deleted_at is null and is_active;
