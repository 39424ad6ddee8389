-- Document 004 §1: the path brand_key is a cannabrands_id, else a cannabrands_slug. Scopes the transaction to the
-- brand (app.brand_id, read by the row-level-security policies) in the same round trip.
select b.id as "Id", b.cannabrands_id as "CannabrandsId", b.name as "Name",
       set_config('app.brand_id', b.id::text, true) as "Scope",
       coalesce((select max(rolled_at) from brandinsights.rollup_state), now()) as "AsOf"
from (
    select id, cannabrands_id, name from brandinsights.brands
    where cannabrands_id = @Key or cannabrands_slug = @Key
    order by (cannabrands_id = @Key) desc
    limit 1
) b;
