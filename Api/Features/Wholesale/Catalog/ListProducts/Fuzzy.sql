-- The typo fallback when full text finds nothing: trigram word similarity between the query and `search_text` (name, SKU,
-- brand; GIN products_search_trgm), closest first, then name and id. "chiken" finds "Chicken Breast".
-- The handler runs it in a transaction with pg_trgm.word_similarity_threshold = 0.4 (the default 0.6 misses "chiken").
with m as materialized (
    select p.id, p.name, lower(@Query::text) <<-> p.search_text as dist
    from wholesale.products p
    where lower(@Query::text) <% p.search_text
      and p.deleted_at is null and p.is_active
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@Category::text is null or p.category_id = (select c.id from wholesale.categories c
                                                         where lower(c.name) = lower(@Category::text) and c.deleted_at is null))
)
select t.total as "Total", p.id as "Id", p.name as "Name", p.sku as "Sku", p.brand as "Brand", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.unit_size as "UnitSize", p.in_stock as "InStock"
from (select count(*) as total from m) t
left join lateral (select m.id, m.name, m.dist from m order by m.dist, m.name, m.id limit @Limit offset @Offset) pg on true
left join wholesale.products p on p.id = pg.id
order by pg.dist, pg.name, pg.id;
