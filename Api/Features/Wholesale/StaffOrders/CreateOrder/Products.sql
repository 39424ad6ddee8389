-- Live catalog rows for the requested ids or SKUs (a line without its own unit_price takes the catalog price).
select id as "Id", sku as "Sku", name as "Name", brand as "Brand", unit_size as "UnitSize", unit_price as "UnitPrice",
       bulk_price as "BulkPrice", bulk_quantity as "BulkQuantity", cost as "Cost", stock_quantity as "StockQuantity",
       in_stock as "InStock", is_active as "IsActive"
from wholesale.products
where (id = any(@Ids) or lower(sku) = any(@Skus)) and deleted_at is null;
