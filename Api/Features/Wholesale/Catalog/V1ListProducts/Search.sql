-- Full-text search (as the public catalog: English and as-written readings of the query) in id order, the key API's order
-- for integrators paging through a sync; one GIN scan gives both the count and the page. Not ranked: ts_rank reads every
-- match's tsvector (~30 ms for a common word at 50,000 products); the public catalog ranks.
with m as materialized (
    select p.id
    from wholesale.products p
    where p.search @@ (websearch_to_tsquery('english', @Query::text) || websearch_to_tsquery('simple', @Query::text))
      and p.deleted_at is null
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@InStock::boolean is null or p.in_stock = @InStock::boolean)
)
select t.total as "Total", p.id as "Id", p.sku as "Sku", p.name as "Name", p.description as "Description", p.category_id as "CategoryId",
       c.name as "Category", p.brand as "Brand", p.unit_size as "UnitSize", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.in_stock as "InStock",
       p.stock_quantity as "StockQuantity", p.image_url as "ImageUrl", p.is_active as "IsActive",
       p.created_at as "CreatedAt", p.updated_at as "UpdatedAt"
from (select count(*) as total from m) t
left join lateral (select m.id from m order by m.id limit @Limit offset @Offset) pg on true
left join wholesale.products p on p.id = pg.id
left join wholesale.categories c on c.id = p.category_id
order by pg.id;
