-- One page of the brand's products (product snapshots as of the last roll-up) after the filters, in the asked
-- order; ties by product id. Filter.sql is the shared WHERE of this query and ProductsAggregates.sql.
select p.id as "ProductId", p.fingerprint as "Fingerprint", p.name as "Name", p.variant as "Variant", p.weight as "Weight",
       ps.status as "Status", ps.first_seen as "FirstSeen", (ps.last_seen - ps.first_seen) as "DaysTracked",
       ps.store_count as "StoreCount", ps.store_count_prev_30d as "StoreCountPrev", ps.states as "States",
       ps.avg_price_cents as "AvgPrice", ps.min_price_cents as "MinPrice", ps.max_price_cents as "MaxPrice",
       ps.in_stock_count as "InStock", ps.out_of_stock_count as "OutOfStock", ps.stores_on_promo as "OnPromo",
       ps.promo_listing_days_30d as "PromoDays", ps.listing_days_30d as "ListedDays", ps.common_promo_type as "CommonPromoType"
/*FILTER*/
order by
    case when @Sort = 'store_count' and @Desc then ps.store_count end desc,
    case when @Sort = 'store_count' and not @Desc then ps.store_count end asc,
    case when @Sort = 'name' and @Desc then lower(p.name) end desc,
    case when @Sort = 'name' and not @Desc then lower(p.name) end asc,
    case when @Sort = 'price' and @Desc then ps.avg_price_cents end desc nulls last,
    case when @Sort = 'price' and not @Desc then ps.avg_price_cents end asc nulls last,
    case when @Sort = 'date_added' and @Desc then ps.first_seen end desc,
    case when @Sort = 'date_added' and not @Desc then ps.first_seen end asc,
    p.id
limit @Limit offset @Offset;
