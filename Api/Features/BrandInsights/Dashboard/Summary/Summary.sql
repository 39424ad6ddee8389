-- The brand's levels on the reference day R (its latest rolled-up day, normally today) and on R - @Days, the changes
-- of the 7 days ending R, and today's prices from the store snapshots. No rows before the brand's first listing.
with r as (
    select max(day) as d from brandinsights.brand_daily where brand_id = @BrandId and day <= @Today
),
cur as (select bd.* from brandinsights.brand_daily bd, r where bd.brand_id = @BrandId and bd.day = r.d),
prev as (select bd.* from brandinsights.brand_daily bd, r where bd.brand_id = @BrandId and bd.day = r.d - @Days),
week as (
    select sum(stores_added) as stores_added, sum(stores_removed) as stores_removed, sum(skus_new) as skus_new,
           sum(skus_removed) as skus_removed, sum(price_changes) as price_changes
    from brandinsights.brand_daily bd, r
    where bd.brand_id = @BrandId and bd.day > r.d - 7 and bd.day <= r.d
),
price as (
    select min(min_price_cents) as min_price, max(max_price_cents) as max_price
    from brandinsights.store_snapshot where brand_id = @BrandId and status = 'active'
)
select coalesce(cur.stores, 0) as "Stores", coalesce(prev.stores, 0) as "StoresPrev",
       coalesce(cur.skus, 0) as "Skus", coalesce(prev.skus, 0) as "SkusPrev",
       coalesce(cur.skus_in_stock, 0) as "SkusInStock", coalesce(prev.skus_in_stock, 0) as "SkusInStockPrev",
       coalesce(cur.skus_on_promo, 0) as "SkusOnPromo", coalesce(prev.skus_on_promo, 0) as "SkusOnPromoPrev",
       coalesce(cur.stores_with_promos, 0) as "StoresWithPromos",
       case when cur.listings > 0 then round(cur.price_sum::numeric / cur.listings)::int end as "AvgPrice",
       price.min_price as "MinPrice", price.max_price as "MaxPrice",
       coalesce(week.stores_added, 0)::int as "StoresAdded", coalesce(week.stores_removed, 0)::int as "StoresRemoved",
       coalesce(week.skus_new, 0)::int as "SkusNew", coalesce(week.skus_removed, 0)::int as "SkusRemoved",
       coalesce(week.price_changes, 0)::int as "PriceChanges"
from r
left join cur on true
left join prev on true
cross join week
cross join price;
