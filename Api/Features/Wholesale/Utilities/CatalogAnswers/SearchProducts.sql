-- Live products for a natural-language query: full text on any of its words (@Terms: "w1 | w2", words only) or trigram
-- similarity of search_text to the words (@Query), best first. Prices and stock are the catalog's own.
with q as (
    select case when @Terms = '' then null else to_tsquery('english', @Terms) end as ts, lower(@Query) as t
)
select p.id as "Id", p.sku as "Sku", p.name as "Name", p.brand as "Brand", p.unit_size as "UnitSize", c.name as "Category",
       p.unit_price as "UnitPrice", p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity",
       p.stock_quantity as "StockQuantity", (p.in_stock and coalesce(p.stock_quantity, 1) > 0) as "InStock",
       p.image_url as "ImageUrl"
from wholesale.products p
cross join q
left join wholesale.categories c on c.id = p.category_id
where p.deleted_at is null and p.is_active
  and ((q.ts is not null and p.search @@ q.ts) or p.search_text % q.t)
order by coalesce(ts_rank_cd(p.search, q.ts), 0) + similarity(p.search_text, q.t) desc, p.id
limit @Limit;
