-- One page of the brand's stores (store snapshots as of the last roll-up) after the filters, in the asked order;
-- ties by store id. Filter.sql is the shared WHERE of this query and StoresAggregates.sql.
select s.id as "StoreId", s.name as "StoreName", s.slug as "StoreSlug", d.name as "DispensaryName", s.city as "City",
       s.state as "State", s.menu_url as "DutchieUrl", ss.status as "Status", ss.first_seen as "FirstSeen",
       ss.last_seen as "LastSeen", (ss.last_seen - ss.first_seen) as "TenureDays",
       ss.sku_active as "Active", ss.sku_in_stock as "InStock", ss.sku_on_promo as "OnPromo", ss.sku_total_ever as "TotalEver",
       ss.avg_price_cents as "AvgCents", ss.min_price_cents as "MinCents", ss.max_price_cents as "MaxCents",
       ss.new_skus_7d as "NewSkus", ss.removed_skus_7d as "RemovedSkus", ss.price_changes_7d as "PriceChanges"
/*FILTER*/
order by
    case when @Sort = 'sku_count' and @Desc then ss.sku_active end desc,
    case when @Sort = 'sku_count' and not @Desc then ss.sku_active end asc,
    case when @Sort = 'name' and @Desc then lower(s.name) end desc,
    case when @Sort = 'name' and not @Desc then lower(s.name) end asc,
    case when @Sort = 'date_added' and @Desc then ss.first_seen end desc,
    case when @Sort = 'date_added' and not @Desc then ss.first_seen end asc,
    case when @Sort = 'tenure' and @Desc then ss.last_seen - ss.first_seen end desc,
    case when @Sort = 'tenure' and not @Desc then ss.last_seen - ss.first_seen end asc,
    s.id
limit @Limit offset @Offset;
