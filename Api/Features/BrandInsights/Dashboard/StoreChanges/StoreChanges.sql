-- Changes in (@From, @To] from the brand's store presence runs: "added" = a store's first run starts, "removed" = a
-- run ends (first day absent) and no later run exists, "reappeared" = a later run starts (days_absent = days between
-- the two runs). Each kind: its total and the @Limit most recent, newest first.
with ep as (
    select sp.*,
           lag(end_day) over (partition by store_id order by first_day) as prev_end,
           lead(first_day) over (partition by store_id order by first_day) as next_first,
           min(first_day) over (partition by store_id) as first_seen
    from brandinsights.store_presence sp
    where sp.brand_id = @BrandId
),
ev as (
    select 'added' as kind, store_id, first_day as day, first_sku_count as skus, 0 as extra
    from ep where prev_end is null and first_day > @From and first_day <= @To
    union all
    select 'removed', store_id, end_day, last_sku_count, (end_day - 1) - first_seen
    from ep where next_first is null and end_day > @From and end_day <= @To
    union all
    select 'reappeared', store_id, first_day, first_sku_count, first_day - prev_end
    from ep where prev_end is not null and first_day > @From and first_day <= @To
),
ranked as (
    select ev.*, count(*) over (partition by kind) as total,
           row_number() over (partition by kind order by day desc, store_id) as rn
    from ev
)
select r.kind as "Kind", r.total::int as "Total", s.id as "StoreId", s.name as "StoreName", s.slug as "StoreSlug",
       d.name as "DispensaryName", s.city as "City", s.state as "State", r.day as "Day", (@To - r.day) as "DaysAgo",
       r.skus as "Skus", r.extra as "Extra"
from ranked r
join brandinsights.stores s on s.id = r.store_id
join brandinsights.dispensaries d on d.id = s.dispensary_id
where r.rn <= @Limit
order by r.kind, r.rn;
