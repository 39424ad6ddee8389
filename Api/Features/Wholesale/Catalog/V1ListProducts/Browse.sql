-- A page of live products (active or not) in id order, optionally of one category and stock state, with the total.
-- The page walks the primary key (or products_live_category_id); the count reads the same index.
select t.total as "Total", p.id as "Id", p.sku as "Sku", p.name as "Name", p.description as "Description", p.category_id as "CategoryId",
       c.name as "Category", p.brand as "Brand", p.unit_size as "UnitSize", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.in_stock as "InStock",
       p.stock_quantity as "StockQuantity", p.image_url as "ImageUrl", p.is_active as "IsActive",
       p.created_at as "CreatedAt", p.updated_at as "UpdatedAt"
from (
    select count(*) as total from wholesale.products p
    where p.deleted_at is null
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@InStock::boolean is null or p.in_stock = @InStock::boolean)
) t
left join lateral (
    select p.id from wholesale.products p
    where p.deleted_at is null
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@InStock::boolean is null or p.in_stock = @InStock::boolean)
    order by p.id
    limit @Limit offset @Offset
) pg on true
left join wholesale.products p on p.id = pg.id
left join wholesale.categories c on c.id = p.category_id
order by p.id;
