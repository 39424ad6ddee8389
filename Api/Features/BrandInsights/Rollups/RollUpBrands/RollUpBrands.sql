-- Recomputes every roll-up of the brands in @Brands (bigint[]) as of @Today (date), from their listing intervals.
-- Runs on the owner connection inside one transaction, so the dashboard sees the old figures until it commits.
-- Work is proportional to the brands' interval rows, never to days x listings: levels are running sums of
-- "starts" and "ends" of runs (islands) of intervals. See docs/brand-insights.md for the definitions.

-- first: take the brands' rows (an ingest marking one dirty meanwhile waits for this commit and marks it again)
insert into brandinsights.rollup_state (brand_id, rolled_through, rolled_at, dirty_from)
select b, @Today, now(), null from unnest(@Brands) b
on conflict (brand_id) do update set rolled_through = excluded.rolled_through, rolled_at = excluded.rolled_at, dirty_from = null;

create temp table ri_l on commit drop as
select l.brand_id, l.store_id, l.product_id, l.valid_from, l.valid_to,
       coalesce(l.valid_to, 'infinity'::date) as vto, l.price_cents, l.in_stock, l.promo_type, l.discount_percent
from brandinsights.listings l
where l.brand_id = any(@Brands) and l.valid_from <= @Today;

-- runs of contiguous or overlapping intervals: s = store carries the brand, p = product listed anywhere,
-- i = product in stock somewhere, o = product on promo somewhere, q = store runs a promo on the brand,
-- x = one store lists one product
create temp table ri_ep on commit drop as
select brand_id, kind, k1, k2, min(valid_from) as first_day, max(vto) as end_day
from (
    select *, count(*) filter (where brk) over (partition by brand_id, kind, k1, k2 order by valid_from, vto rows unbounded preceding) as isl
    from (
        select *, valid_from > coalesce(max(vto) over (partition by brand_id, kind, k1, k2 order by valid_from, vto
                                                       rows between unbounded preceding and 1 preceding), '-infinity'::date) as brk
        from (
            select brand_id, 's'::text as kind, store_id as k1, 0::bigint as k2, valid_from, vto from ri_l
            union all select brand_id, 'p', product_id, 0, valid_from, vto from ri_l
            union all select brand_id, 'i', product_id, 0, valid_from, vto from ri_l where in_stock
            union all select brand_id, 'o', product_id, 0, valid_from, vto from ri_l where promo_type is not null
            union all select brand_id, 'q', store_id, 0, valid_from, vto from ri_l where promo_type is not null
            union all select brand_id, 'x', store_id, product_id, valid_from, vto from ri_l
        ) iv
    ) a
) b
group by brand_id, kind, k1, k2, isl;
create index on ri_ep (brand_id, kind, k1);

-- a price change: an interval that starts the day its predecessor at the same store ends, at another price
create temp table ri_pc on commit drop as
select brand_id, store_id, valid_from as day
from (
    select brand_id, store_id, valid_from, price_cents,
           lag(valid_to) over w as prev_to, lag(price_cents) over w as prev_price
    from ri_l
    window w as (partition by store_id, product_id order by valid_from)
) x
where prev_to = valid_from and prev_price <> price_cents;

delete from brandinsights.brand_daily where brand_id = any(@Brands);
insert into brandinsights.brand_daily
with ev as (
    select brand_id, kind, first_day as day, 1 as d from ri_ep where kind <> 'x'
    union all
    select brand_id, kind, end_day, -1 from ri_ep where kind <> 'x' and end_day <= @Today
),
evd as (
    select brand_id, day,
           coalesce(sum(d) filter (where kind = 's'), 0) as ds,
           count(*) filter (where kind = 's' and d = 1) as s_add,
           count(*) filter (where kind = 's' and d = -1) as s_rem,
           coalesce(sum(d) filter (where kind = 'p'), 0) as dp,
           count(*) filter (where kind = 'p' and d = 1) as p_new,
           count(*) filter (where kind = 'p' and d = -1) as p_rem,
           coalesce(sum(d) filter (where kind = 'i'), 0) as di,
           coalesce(sum(d) filter (where kind = 'o'), 0) as dpo,
           coalesce(sum(d) filter (where kind = 'q'), 0) as dsq
    from ev group by brand_id, day
),
lv as (
    select brand_id, valid_from as day, 1 as d, promo_type, discount_percent, price_cents from ri_l
    union all
    select brand_id, valid_to, -1, promo_type, discount_percent, price_cents from ri_l where valid_to <= @Today
),
lvd as (
    select brand_id, day,
           sum(d) as dl,
           coalesce(sum(d) filter (where promo_type is not null), 0) as dpr,
           coalesce(sum(d) filter (where promo_type = 'percent_off'), 0) as d1,
           coalesce(sum(d) filter (where promo_type = 'dollar_off'), 0) as d2,
           coalesce(sum(d) filter (where promo_type = 'bogo'), 0) as d3,
           coalesce(sum(d) filter (where promo_type = 'bundle'), 0) as d4,
           coalesce(sum(d) filter (where promo_type = 'set_price'), 0) as d5,
           coalesce(sum(d) filter (where promo_type = 'other'), 0) as d6,
           coalesce(sum(d * discount_percent) filter (where discount_percent is not null), 0) as dds,
           coalesce(sum(d) filter (where discount_percent is not null), 0) as ddc,
           sum(d * price_cents) as dps
    from lv group by brand_id, day
),
pcd as (select brand_id, day, count(*) as n from ri_pc group by brand_id, day),
days as (
    select s.brand_id, g::date as day
    from (select brand_id, min(valid_from) as first from ri_l group by brand_id) s,
         generate_series(s.first, @Today, interval '1 day') g
)
select d.brand_id, d.day,
       sum(coalesce(e.ds, 0)) over w, coalesce(e.s_add, 0), coalesce(e.s_rem, 0),
       sum(coalesce(e.dp, 0)) over w, sum(coalesce(e.di, 0)) over w, coalesce(e.p_new, 0), coalesce(e.p_rem, 0),
       sum(coalesce(e.dpo, 0)) over w, sum(coalesce(e.dsq, 0)) over w,
       sum(coalesce(v.dl, 0)) over w,
       sum(coalesce(v.dpr, 0)) over w,
       sum(coalesce(v.d1, 0)) over w, sum(coalesce(v.d2, 0)) over w, sum(coalesce(v.d3, 0)) over w,
       sum(coalesce(v.d4, 0)) over w, sum(coalesce(v.d5, 0)) over w, sum(coalesce(v.d6, 0)) over w,
       sum(coalesce(v.dds, 0)) over w, sum(coalesce(v.ddc, 0)) over w,
       coalesce(p.n, 0),
       sum(coalesce(v.dps, 0)) over w
from days d
left join evd e on e.brand_id = d.brand_id and e.day = d.day
left join lvd v on v.brand_id = d.brand_id and v.day = d.day
left join pcd p on p.brand_id = d.brand_id and p.day = d.day
window w as (partition by d.brand_id order by d.day);

delete from brandinsights.store_presence where brand_id = any(@Brands);
insert into brandinsights.store_presence (brand_id, store_id, first_day, end_day, first_sku_count, last_sku_count)
select s.brand_id, s.k1, s.first_day, nullif(s.end_day, 'infinity'::date),
       (select count(*) from ri_ep x where x.brand_id = s.brand_id and x.kind = 'x' and x.k1 = s.k1
          and x.first_day <= s.first_day and x.end_day > s.first_day),
       (select count(*) from ri_ep x where x.brand_id = s.brand_id and x.kind = 'x' and x.k1 = s.k1
          and x.first_day <= least(s.end_day - 1, @Today) and x.end_day > least(s.end_day - 1, @Today))
from ri_ep s
where s.kind = 's';

delete from brandinsights.store_snapshot where brand_id = any(@Brands);
insert into brandinsights.store_snapshot
with st as (
    select brand_id, k1 as store_id, min(first_day) as first_seen, bool_or(end_day = 'infinity') as active,
           case when bool_or(end_day = 'infinity') then @Today else max(end_day) - 1 end as last_seen
    from ri_ep where kind = 's' group by brand_id, k1
),
at_last as (   -- the listings on the store's last day with the brand (today for active stores)
    select st.brand_id, st.store_id,
           count(*) filter (where st.active) as sku_active,
           count(*) filter (where st.active and l.in_stock) as sku_in_stock,
           count(*) filter (where st.active and l.promo_type is not null) as sku_on_promo,
           round(avg(l.price_cents))::int as avg_price, min(l.price_cents) as min_price, max(l.price_cents) as max_price
    from st join ri_l l on l.brand_id = st.brand_id and l.store_id = st.store_id
                       and l.valid_from <= st.last_seen and l.vto > st.last_seen
    group by st.brand_id, st.store_id
),
ever as (select brand_id, store_id, count(distinct product_id) as n from ri_l group by brand_id, store_id),
x7 as (
    select brand_id, k1 as store_id,
           count(*) filter (where first_day > @Today - 7) as new7,
           count(*) filter (where end_day > @Today - 7 and end_day <= @Today) as rem7
    from ri_ep where kind = 'x' group by brand_id, k1
),
pc7 as (select brand_id, store_id, count(*) as n from ri_pc where day > @Today - 7 group by brand_id, store_id)
select st.brand_id, st.store_id, case when st.active then 'active' else 'removed' end, st.first_seen, st.last_seen,
       coalesce(a.sku_active, 0), coalesce(a.sku_in_stock, 0), coalesce(a.sku_on_promo, 0), ever.n,
       a.avg_price, a.min_price, a.max_price,
       coalesce(x7.new7, 0), coalesce(x7.rem7, 0), coalesce(pc7.n, 0)
from st
join ever on ever.brand_id = st.brand_id and ever.store_id = st.store_id
left join at_last a on a.brand_id = st.brand_id and a.store_id = st.store_id
left join x7 on x7.brand_id = st.brand_id and x7.store_id = st.store_id
left join pc7 on pc7.brand_id = st.brand_id and pc7.store_id = st.store_id;

delete from brandinsights.product_snapshot where brand_id = any(@Brands);
insert into brandinsights.product_snapshot
with pr as (
    select brand_id, product_id, min(valid_from) as first_seen, bool_or(valid_to is null) as open,
           case when bool_or(valid_to is null) then @Today else max(valid_to) - 1 end as last_seen
    from ri_l group by brand_id, product_id
),
cur as (   -- today's listings
    select l.product_id,
           count(*) as stores,
           count(*) filter (where l.in_stock) as in_stock,
           count(*) filter (where not l.in_stock) as out_of_stock,
           count(*) filter (where l.promo_type is not null) as on_promo,
           bool_or(s.last_crawled_on > @Today - 7) as fresh,
           array_agg(distinct s.state order by s.state) as states
    from ri_l l join brandinsights.stores s on s.id = l.store_id
    where l.valid_from <= @Today and l.vto > @Today
    group by l.product_id
),
prev as (
    select product_id, count(*) as stores from ri_l
    where valid_from <= @Today - 30 and vto > @Today - 30 group by product_id
),
price as (   -- prices on the product's last listed day (today for listed products)
    select pr.product_id, round(avg(l.price_cents))::int as avg_price, min(l.price_cents) as min_price, max(l.price_cents) as max_price
    from pr join ri_l l on l.product_id = pr.product_id and l.valid_from <= pr.last_seen and l.vto > pr.last_seen
    group by pr.product_id
),
days30 as (   -- listing-days in the 30 days ending today, by promotion type
    select product_id, promo_type,
           sum(least(vto, @Today + 1) - greatest(valid_from, @Today - 29))::int as days
    from ri_l where vto > @Today - 29
    group by product_id, promo_type
),
d30 as (
    select product_id,
           sum(days) filter (where promo_type is not null)::int as promo_days, sum(days)::int as all_days,
           (array_agg(promo_type order by days desc, promo_type) filter (where promo_type is not null))[1] as common
    from days30 group by product_id
)
select pr.product_id, pr.brand_id,
       case when not pr.open then 'removed' when coalesce(cur.fresh, false) then 'active' else 'stale' end,
       pr.first_seen, pr.last_seen,
       coalesce(cur.stores, 0), coalesce(prev.stores, 0), coalesce(cur.states, '{}'),
       price.avg_price, price.min_price, price.max_price,
       coalesce(cur.in_stock, 0), coalesce(cur.out_of_stock, 0), coalesce(cur.on_promo, 0),
       coalesce(d30.promo_days, 0), coalesce(d30.all_days, 0), d30.common
from pr
left join cur on cur.product_id = pr.product_id
left join prev on prev.product_id = pr.product_id
left join price on price.product_id = pr.product_id
left join d30 on d30.product_id = pr.product_id;
