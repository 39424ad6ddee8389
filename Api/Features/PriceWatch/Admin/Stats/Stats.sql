-- Platform-wide KPIs (platform scope). MRR counts paying subscriptions that are active, trialing or past due. MRR is in cents per month, the unit of plan prices.
with subs as (
    select t.id, coalesce(s.plan_id, 'free') as plan_id, coalesce(s.status, 'active') as status, p.price_cents
      from pricewatch.tenants t left join pricewatch.subscriptions s on s.tenant_id = t.id
      join pricewatch.plans p on p.id = coalesce(s.plan_id, 'free')
), finished as (
    select count(*) filter (where status = 'completed') as ok, count(*) filter (where status in ('completed', 'failed')) as done
      from pricewatch.scrape_sessions
)
select json_build_object(
    'total_tenants', (select count(*) from pricewatch.tenants),
    'active_tenants', (select count(distinct tenant_id) from pricewatch.scrape_sessions where started_at > now() - interval '30 days'),
    'total_users', (select count(*) from pricewatch.user_tenants),
    'scrape_sessions', (select count(*) from pricewatch.scrape_sessions),
    'success_rate', (select case when done = 0 then 0 else round(100.0 * ok / done, 2) end from finished),
    'products_tracked', (select count(*) from pricewatch.product_tracking),
    'MRR', (select coalesce(sum(price_cents), 0) from subs where plan_id <> 'free' and status in ('active', 'trialing', 'past_due')),
    'subscribers_by_plan', (select json_object_agg(p.id, (select count(*) from subs where subs.plan_id = p.id)) from pricewatch.plans p)
)::text;
