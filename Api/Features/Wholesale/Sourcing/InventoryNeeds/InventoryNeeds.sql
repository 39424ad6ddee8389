-- Inventory needs in one set-based statement.
--   daily units   = units sold on live, uncancelled orders in the last @WindowDays days / @WindowDays (the running
--                   per-product total of the window, product_sales_window_units)
--   lead time     = the shortest lead time among active suppliers listing the product's category (case-insensitive name),
--                   else @DefaultLead
--   reorder point = ceil(daily units x (lead time + @SafetyDays))
--   incoming      = units on open sourcing shipments (neither received nor cancelled)
--   needs reorder = stock + incoming < reorder point
--   suggested     = ceil(daily units x (lead time + @SafetyDays + @CoverDays)) - stock - incoming (at least 1 when needed)
-- Only products with tracked stock (stock_quantity not null) can need ordering; without a product id only those with sales
-- in the window are candidates (no sales: reorder point 0), which keeps the work proportional to what sold.
with sales as (
    -- the window's running per-product total (0028) corrected to now(): see functions/product_sales_window_units.sql
    select product_id, units::int as units from wholesale.product_sales_window_units(now(), @WindowDays, @ProductId::bigint)
), candidates as (
    select product_id, units from sales
    union all
    select @ProductId::bigint, 0 where @ProductId::bigint is not null and not exists (select 1 from sales)
), lead as (
    select lower(c.name) as category, min(s.lead_time_days) as days
    from wholesale.suppliers s
    cross join unnest(s.product_categories) c(name)
    where s.is_active and s.lead_time_days is not null
    group by lower(c.name)
), incoming as (
    select si.product_id, sum(si.quantity)::int as qty
    from wholesale.sourcing_shipment_items si
    join wholesale.sourcing_shipments h on h.id = si.shipment_id and h.status not in ('received', 'cancelled')
    where si.product_id is not null and (@ProductId::bigint is null or si.product_id = @ProductId::bigint)
    group by si.product_id
), reach as (
    -- the longest lead time any product can have, plus the safety days
    select greatest(max(days), @DefaultLead) + @SafetyDays as days from lead
), pool as (
    -- one product: it, tracked stock or not. The list: tracked-stock sellers whose stock alone is below the reorder point
    -- of that longest lead time (incoming is never negative; for an integer stock, stock < ceil(x) is stock < x, here in
    -- integers), before anything wide is read: about 2% of the sellers pass on the bench data, and products_reorder_stock
    -- (0028) answers it index-only.
    select p.id, p.stock_quantity, p.category_id, c.units
    from candidates c
    join wholesale.products p on p.id = c.product_id and p.deleted_at is null
    where @ProductId::bigint is not null
    union all
    select p.id, p.stock_quantity, p.category_id, s.units::int
    from wholesale.product_sales_window_units(now(), @WindowDays, null) s   -- inlined, not the materialised CTE
    join wholesale.products p on p.id = s.product_id and p.deleted_at is null and p.stock_quantity is not null
    cross join reach r
    where @ProductId::bigint is null and p.stock_quantity::bigint * @WindowDays < s.units::bigint * r.days
), figures as (
    select c.id, c.category_id, cat.name as category, c.stock_quantity, c.units,
           c.units::numeric / @WindowDays as daily,
           coalesce(l.days, @DefaultLead) as lead_days,
           coalesce(inc.qty, 0) as incoming
    from pool c
    left join wholesale.categories cat on cat.id = c.category_id
    left join lead l on l.category = lower(cat.name)
    left join incoming inc on inc.product_id = c.id
), computed as (
    select f.*, ceil(f.daily * (f.lead_days + @SafetyDays))::int as reorder_point,
           ceil(f.daily * (f.lead_days + @SafetyDays + @CoverDays))::int as target,
           (f.stock_quantity + f.incoming) / nullif(f.daily, 0) as urgency
    from figures f
), needs as (
    select c.* from computed c
    where @ProductId::bigint is not null or c.stock_quantity + c.incoming < c.reorder_point
    order by c.urgency nulls last, c.units desc, c.id
    limit @Limit
)
-- the names only for the rows answered
select c.id as "ProductId", p.sku as "Sku", p.name as "Name", c.category_id as "CategoryId", c.category as "Category",
       c.stock_quantity as "StockQuantity", c.units as "UnitsSold90d", round(c.daily, 3) as "DailyUnits", c.lead_days as "LeadTimeDays",
       @SafetyDays as "SafetyDays", c.reorder_point as "ReorderPoint", c.incoming as "IncomingQuantity",
       case when c.daily > 0 and c.stock_quantity is not null then round((c.stock_quantity + c.incoming) / c.daily, 1) end as "DaysOfCover",
       case when c.stock_quantity is not null and c.stock_quantity + c.incoming < c.reorder_point
            then greatest(c.target - c.stock_quantity - c.incoming, 1) else 0 end as "SuggestedQuantity",
       (c.stock_quantity is not null and c.stock_quantity + c.incoming < c.reorder_point) as "NeedsReorder"
from needs c
join wholesale.products p on p.id = c.id
order by c.urgency nulls last, c.units desc, c.id;
