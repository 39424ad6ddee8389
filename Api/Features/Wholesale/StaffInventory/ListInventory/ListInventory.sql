-- A page of live products (active or not) by name then id with the total; filters: category (@Category a name, or
-- @CategoryId when it is all digits; an unknown one matches nothing), in_stock, and a substring of name/SKU/brand
-- (search_text, GIN trigram). The count and the page are separate so that a browse walks products_name / products_category
-- in order and stops at the page. One row with null product columns when the page is empty (the total is still there).
with cat as (
    select c.id from wholesale.categories c
    where @Category::text is not null and c.deleted_at is null
      and (lower(c.name) = lower(@Category::text) or c.id = @CategoryId::bigint)
)
select t.total as "Total", p.id as "Id", p.name as "Name", p.sku as "Sku", p.brand as "Brand", p.unit_size as "UnitSize",
       p.category_id as "CategoryId", c.name as "Category", p.in_stock as "InStock", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.stock_quantity as "StockQuantity",
       p.cost as "CostPerItem", p.is_active as "IsActive", p.image_url as "ImageUrl", p.updated_at as "UpdatedAt"
from (
    select count(*) as total from wholesale.products p
    where p.deleted_at is null
      and (@Category::text is null or p.category_id in (select id from cat))
      and (@InStock::boolean is null or p.in_stock = @InStock::boolean)
      and (@Pattern::text is null or p.search_text like @Pattern::text)
) t
left join lateral (
    select p.id, p.name from wholesale.products p
    where p.deleted_at is null
      and (@Category::text is null or p.category_id in (select id from cat))
      and (@InStock::boolean is null or p.in_stock = @InStock::boolean)
      and (@Pattern::text is null or p.search_text like @Pattern::text)
    order by p.name, p.id
    limit @Limit offset @Offset
) pg on true
left join wholesale.products p on p.id = pg.id
left join wholesale.categories c on c.id = p.category_id
order by pg.name, pg.id;
