-- Totals over every store that passes the filters (not just the page): count, states, mean active SKUs per store,
-- and the five states with the most stores.
with f as (
    select s.state, ss.sku_active
/*FILTER*/
)
select count(*)::int as "Total", count(distinct state)::int as "StatesCount",
       coalesce(round(avg(sku_active), 1), 0)::float8 as "AvgSkus",
       coalesce((select json_agg(json_build_object('state', t.state, 'count', t.n) order by t.n desc, t.state)
                 from (select state, count(*)::int as n from f group by state order by n desc, state limit 5) t), '[]')::text as "TopStates"
from f;
