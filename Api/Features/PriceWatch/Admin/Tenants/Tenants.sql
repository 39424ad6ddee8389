-- One page of tenants, newest first, with counts, plan and last scrape.
select json_build_object(
    'page', @Page, 'limit', @Limit, 'total', (select count(*) from pricewatch.tenants),
    'pages', ceil((select count(*) from pricewatch.tenants)::numeric / @Limit)::int,
    'tenants', coalesce((select json_agg(x) from (
        select t.id, t.name, t.slug, t.created_at,
               (select count(*) from pricewatch.competitors c where c.tenant_id = t.id) as competitor_count,
               (select count(*) from pricewatch.product_tracking p where p.tenant_id = t.id) as product_count,
               (select count(*) from pricewatch.user_tenants u where u.tenant_id = t.id) as member_count,
               coalesce(s.plan_id, 'free') as plan_tier, coalesce(s.status, 'active') as subscription_status,
               (select max(started_at) from pricewatch.scrape_sessions ss where ss.tenant_id = t.id) as last_scrape_at
          from pricewatch.tenants t left join pricewatch.subscriptions s on s.tenant_id = t.id
         order by t.created_at desc, t.id
         limit @Limit offset (@Page - 1) * @Limit) x), '[]'::json)
)::text;
