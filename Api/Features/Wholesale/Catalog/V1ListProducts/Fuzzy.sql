-- Typo fallback when full text finds nothing: trigram word similarity on search_text, closest first, then id.
-- The handler runs it in a transaction with pg_trgm.word_similarity_threshold = 0.4 (the default 0.6 misses "chiken").
with m as materialized (
    select p.id, lower(@Query::text) <<-> p.search_text as dist
    from wholesale.products p
    where lower(@Query::text) <% p.search_text
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
left join lateral (select m.id, m.dist from m order by m.dist, m.id limit @Limit offset @Offset) pg on true
left join wholesale.products p on p.id = pg.id
left join wholesale.categories c on c.id = p.category_id
order by pg.dist, pg.id;
