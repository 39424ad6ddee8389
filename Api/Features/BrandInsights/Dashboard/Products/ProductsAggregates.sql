-- Totals over every product that passes the filters (not just the page), and the product count per category.
with f as (
    select p.category, ps.in_stock_count, ps.stores_on_promo, ps.store_count
/*FILTER*/
)
select count(*)::int as "Total",
       count(*) filter (where in_stock_count > 0)::int as "InStock",
       count(*) filter (where stores_on_promo > 0)::int as "OnPromo",
       coalesce(round(avg(store_count), 1), 0)::float8 as "AvgStores",
       coalesce((select json_agg(json_build_object('name', c.category, 'count', c.n) order by c.n desc, c.category)
                 from (select category, count(*)::int as n from f group by category) c), '[]')::text as "Categories"
from f;
