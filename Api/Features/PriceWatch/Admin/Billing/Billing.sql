-- Subscribers per plan (tenants without a subscription row are free), paying active subscriptions, MRR and past-due count. MRR is in cents per month, the unit of plan prices.
with subs as (
    select coalesce(s.plan_id, 'free') as plan_id, coalesce(s.status, 'active') as status, p.price_cents
      from pricewatch.tenants t left join pricewatch.subscriptions s on s.tenant_id = t.id
      join pricewatch.plans p on p.id = coalesce(s.plan_id, 'free')
)
select json_build_object(
    'subscribers_by_plan', (select json_object_agg(p.id, (select count(*) from subs where subs.plan_id = p.id)) from pricewatch.plans p),
    'total_active', (select count(*) from subs where plan_id <> 'free' and status in ('active', 'trialing')),
    'past_due', (select count(*) from subs where plan_id <> 'free' and status = 'past_due'),
    'MRR', (select coalesce(sum(price_cents), 0) from subs where plan_id <> 'free' and status in ('active', 'trialing', 'past_due')),
    'currency', 'usd'
)::text;
