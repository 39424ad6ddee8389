-- A page of live products (active or not) by name then id, optionally of one category and matching a substring of
-- name/SKU/brand (search_text, GIN trigram index products_search_trgm), with the total. One row with null product
-- columns when the page is empty (the total is still there). Browsing walks products_name / products_category.
select t.total as "Total", p.id as "Id", p.sku as "Sku", p.name as "Name", p.description as "Description",
       p.category_id as "CategoryId", c.name as "Category", p.brand as "Brand", p.unit_size as "UnitSize",
       p.unit_price as "UnitPrice", p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.in_stock as "InStock",
       p.stock_quantity as "StockQuantity", p.image_url as "ImageUrl", p.cost as "CostPerItem",
       round(p.weight_lb * 16, 2) as "ShipWeightOz", p.ship_box_name as "ShipBoxName", p.box_length_in as "ShipBoxLength",
       p.box_width_in as "ShipBoxWidth", p.box_height_in as "ShipBoxHeight", p.is_customizable as "IsCustomizable",
       p.is_active as "IsActive", (select count(*)::int from wholesale.product_images i where i.product_id = p.id) as "ImageCount",
       (select i.id from wholesale.product_images i where i.product_id = p.id order by i.position, i.id desc limit 1) as "PrimaryImageId",
       p.created_at as "CreatedAt", p.updated_at as "UpdatedAt"
from (
    select count(*) as total from wholesale.products p
    where p.deleted_at is null
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@Pattern::text is null or p.search_text like @Pattern::text)
) t
left join lateral (
    select p.id, p.name from wholesale.products p
    where p.deleted_at is null
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@Pattern::text is null or p.search_text like @Pattern::text)
    order by p.name, p.id
    limit @Limit offset @Offset
) pg on true
left join wholesale.products p on p.id = pg.id
left join wholesale.categories c on c.id = p.category_id
order by pg.name, pg.id;
