-- A live product (active or not) by id, else by SKU (case-insensitive): "digits are an id first, then a SKU". Each branch
-- is its own indexed lookup (primary key; products_sku on lower(sku)), and the SKU one runs only when the id finds nothing.
select p.id as "Id", p.sku as "Sku", p.name as "Name", p.description as "Description", p.category_id as "CategoryId",
       c.name as "Category", p.brand as "Brand", p.unit_size as "UnitSize", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.in_stock as "InStock",
       p.stock_quantity as "StockQuantity", p.image_url as "ImageUrl", p.is_active as "IsActive",
       p.created_at as "CreatedAt", p.updated_at as "UpdatedAt"
from wholesale.products p
left join wholesale.categories c on c.id = p.category_id
where p.id = coalesce(
    (select x.id from wholesale.products x where x.id = @Id::bigint and x.deleted_at is null),
    (select x.id from wholesale.products x where lower(x.sku) = lower(@Sku::text) and x.deleted_at is null));
