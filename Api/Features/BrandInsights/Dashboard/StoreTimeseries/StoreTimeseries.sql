-- One point per day, ISO week (Monday) or month in [@From, @To] that has roll-up rows. Levels (stores, skus,
-- skus_in_stock) are the bucket's last day in range; changes are summed over the bucket's days in range.
-- A bucket is dated by its first day, or @From when the range starts inside it.
select greatest(date_trunc(@Unit, day::timestamp)::date, @From) as "Date",
       (array_agg(stores order by day desc))[1] as "Stores",
       sum(stores_added)::int as "StoresAdded", sum(stores_removed)::int as "StoresRemoved",
       (array_agg(skus order by day desc))[1] as "Skus",
       (array_agg(skus_in_stock order by day desc))[1] as "SkusInStock",
       sum(skus_new)::int as "SkusNew", sum(skus_removed)::int as "SkusRemoved"
from brandinsights.brand_daily
where brand_id = @BrandId and day between @From and @To
group by date_trunc(@Unit, day::timestamp)
order by 1;
