-- Full-text search over the stored `search` tsvector (name and description in English, SKU and brand as written), with the
-- query read both ways so "cooking" finds the brand "Cooking Co" as well as "cook". Matches are ranked by ts_rank, then
-- name and id (stable). The matches are gathered once (one GIN scan) and give both the count and the page.
with m as materialized (
    select p.id, p.name,
           ts_rank(p.search, websearch_to_tsquery('english', @Query::text) || websearch_to_tsquery('simple', @Query::text)) as rank
    from wholesale.products p
    where p.search @@ (websearch_to_tsquery('english', @Query::text) || websearch_to_tsquery('simple', @Query::text))
      and p.deleted_at is null and p.is_active
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@Category::text is null or p.category_id = (select c.id from wholesale.categories c
                                                         where lower(c.name) = lower(@Category::text) and c.deleted_at is null))
)
select t.total as "Total", p.id as "Id", p.name as "Name", p.sku as "Sku", p.brand as "Brand", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.unit_size as "UnitSize", p.in_stock as "InStock"
from (select count(*) as total from m) t
left join lateral (select m.id, m.name, m.rank from m order by m.rank desc, m.name, m.id limit @Limit offset @Offset) pg on true
left join wholesale.products p on p.id = pg.id
order by pg.rank desc, pg.name, pg.id;
