-- One tenant with members, competitors, its 20 latest scrapes and its subscription. No row: unknown tenant.
select json_build_object(
    'tenant', row_to_json(t),
    'members', coalesce((select json_agg(json_build_object('user_id', ut.user_id, 'email', u.email, 'role', ut.role, 'created_at', ut.created_at) order by ut.created_at)
                  from pricewatch.user_tenants ut join pricewatch.users u on u.id = ut.user_id where ut.tenant_id = t.id), '[]'::json),
    'competitors', coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'url', c.url, 'platform', c.platform, 'is_active', c.is_active,
                      'last_scraped_at', c.last_scraped_at, 'product_count', (select count(*) from pricewatch.product_tracking p where p.competitor_id = c.id)) order by c.created_at)
                  from pricewatch.competitors c where c.tenant_id = t.id), '[]'::json),
    'recent_scrapes', coalesce((select json_agg(s) from (select id, status, trigger, total_targets, successful_scrapes, failed_scrapes, total_products,
                      error_message, started_at, completed_at from pricewatch.scrape_sessions where tenant_id = t.id order by started_at desc limit 20) s), '[]'::json),
    'subscription', (select json_build_object('plan', coalesce(s.plan_id, 'free'), 'status', coalesce(s.status, 'active'), 'stripe_customer_id', s.stripe_customer_id,
                      'stripe_subscription_id', s.stripe_subscription_id, 'current_period_end', s.current_period_end, 'updated_at', s.updated_at)
                  from (select 1) one left join pricewatch.subscriptions s on s.tenant_id = t.id)
)::text
from pricewatch.tenants t where t.id = @TenantId;
