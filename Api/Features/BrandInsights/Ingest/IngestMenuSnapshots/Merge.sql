-- Merges ingest_stage into the directory and the listing intervals. Each crawled store's menu is complete: a listing
-- still open at that store whose product is missing from the crawl, or whose price/stock/promotion differs, is closed
-- on the crawl day (deleted if it opened that same day) and the new state opened. Stores already crawled on a later
-- day are skipped. Touched brands are marked dirty for the roll-up. Returns one row of counts.
insert into brandinsights.dispensaries (name)
select distinct dispensary from ingest_stage
on conflict (name) do nothing;

insert into brandinsights.brands (cannabrands_id, name)
select distinct on (brand_id) brand_id, brand_name from ingest_stage order by brand_id, line_no
on conflict (cannabrands_id) do nothing;

insert into brandinsights.products (brand_id, fingerprint, name, variant, weight, category)
select distinct on (s.fingerprint) b.id, s.fingerprint, s.product_name, s.variant, s.weight, s.category
from ingest_stage s join brandinsights.brands b on b.cannabrands_id = s.brand_id
order by s.fingerprint, s.line_no
on conflict (fingerprint) do nothing;

create temp table ingest_stores on commit drop as
select distinct on (s.store_slug) s.store_slug, s.store_name, d.id as dispensary_id, s.city, s.state, s.menu_url,
       max(s.observed_on) over (partition by s.store_slug) as day
from ingest_stage s join brandinsights.dispensaries d on d.name = s.dispensary
order by s.store_slug, s.line_no desc;

create temp table ingest_skipped on commit drop as
select i.store_slug from ingest_stores i join brandinsights.stores st on st.slug = i.store_slug
where st.last_crawled_on > i.day;

insert into brandinsights.stores (dispensary_id, name, slug, city, state, menu_url, last_crawled_on)
select dispensary_id, store_name, store_slug, city, state, menu_url, day
from ingest_stores where store_slug not in (select store_slug from ingest_skipped)
on conflict (slug) do update set dispensary_id = excluded.dispensary_id, name = excluded.name, city = excluded.city,
    state = excluded.state, menu_url = excluded.menu_url, last_crawled_on = excluded.last_crawled_on;

create temp table ingest_crawled on commit drop as
select st.id as store_id, i.day
from ingest_stores i join brandinsights.stores st on st.slug = i.store_slug
where i.store_slug not in (select store_slug from ingest_skipped);

-- today's state per crawled store and product (the last line wins)
create temp table ingest_obs on commit drop as
select distinct on (c.store_id, p.id) c.store_id, p.id as product_id, p.brand_id, c.day,
       s.price_cents, s.in_stock, s.promo_type, s.discount_percent
from ingest_stage s
join brandinsights.stores st on st.slug = s.store_slug
join ingest_crawled c on c.store_id = st.id
join brandinsights.products p on p.fingerprint = s.fingerprint
order by c.store_id, p.id, s.line_no desc;
create index on ingest_obs (store_id, product_id);

create temp table ingest_changed on commit drop as
select l.id, l.brand_id, l.valid_from, c.day
from brandinsights.listings l
join ingest_crawled c on c.store_id = l.store_id
left join ingest_obs o on o.store_id = l.store_id and o.product_id = l.product_id
where l.valid_to is null
  and (o.product_id is null
       or (o.price_cents, o.in_stock, o.promo_type, o.discount_percent) is distinct from (l.price_cents, l.in_stock, l.promo_type, l.discount_percent));

update brandinsights.listings l set valid_to = ch.day
from ingest_changed ch where l.id = ch.id and l.valid_from < ch.day;
delete from brandinsights.listings l using ingest_changed ch where l.id = ch.id and l.valid_from >= ch.day;

create temp table ingest_new on commit drop as
select o.* from ingest_obs o
where not exists (select from brandinsights.listings l
                  where l.store_id = o.store_id and l.product_id = o.product_id and l.valid_to is null);

insert into brandinsights.listings (store_id, product_id, brand_id, valid_from, price_cents, in_stock, promo_type, discount_percent)
select o.store_id, o.product_id, o.brand_id, o.day, o.price_cents, o.in_stock, o.promo_type, o.discount_percent
from ingest_new o;

insert into brandinsights.rollup_state (brand_id, dirty_from)
select brand_id, min(day) from (
    select brand_id, day from ingest_obs union all select brand_id, day from ingest_changed
) t group by brand_id
on conflict (brand_id) do update set dirty_from = least(coalesce(rollup_state.dirty_from, excluded.dirty_from), excluded.dirty_from);

select (select count(*) from ingest_crawled)::int as "Stores",
       (select count(*) from ingest_skipped)::int as "StoresSkipped",
       (select count(*) from ingest_new) as "Opened",
       (select count(*) from ingest_changed) as "Closed";
