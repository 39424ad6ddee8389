-- Brands whose roll-ups are behind: changed by an ingest (dirty), not rolled through @Today, or never rolled up
-- although they have listings.
select b.id
from brandinsights.brands b
left join brandinsights.rollup_state r on r.brand_id = b.id
where (r.brand_id is null and exists (select from brandinsights.listings l where l.brand_id = b.id))
   or r.dirty_from is not null
   or r.rolled_through < @Today
order by b.id;
