-- Scrape, matching (match/backfill/embed/validate) and sync sessions of every tenant, merged, newest first.
select coalesce(json_agg(a order by a.started_at desc), '[]'::json)::text from (
    select * from (
        select 'scrape' as type, s.id, s.tenant_id, t.name as tenant_name, s.status, s.started_at, s.completed_at, s.error_message,
               json_build_object('total_targets', s.total_targets, 'successful_scrapes', s.successful_scrapes, 'failed_scrapes', s.failed_scrapes,
                                 'total_products', s.total_products, 'trigger', s.trigger) as details
          from pricewatch.scrape_sessions s join pricewatch.tenants t on t.id = s.tenant_id
        union all
        select m.kind, m.id, m.tenant_id, t.name, m.status, m.started_at, m.completed_at, m.error_message,
               json_build_object('method', m.method, 'total_products', m.total_products, 'processed', m.processed, 'matches_found', m.matches_found, 'engine', m.engine)
          from pricewatch.matching_sessions m join pricewatch.tenants t on t.id = m.tenant_id
        union all
        select 'sync', y.id, y.tenant_id, t.name, y.status, y.started_at, y.completed_at, y.error_message,
               json_build_object('shop_url', y.shop_url, 'products_synced', y.products_synced, 'credential_source', y.credential_source)
          from pricewatch.sync_sessions y join pricewatch.tenants t on t.id = y.tenant_id
    ) u order by started_at desc limit @Limit
) a;
