-- Activates an approved charge: it becomes the tenant's plan, any earlier active charge is replaced (Shopify cancels it).
-- No row: the subscription is not the tenant's.
with sub as (
    update adpriority.subscriptions set status = 'active', activated_at = now()
     where tenant_id = @TenantId and charge_id = @ChargeId
    returning plan, trial_days
), replaced as (
    update adpriority.subscriptions set status = 'replaced'
     where tenant_id = @TenantId and charge_id <> @ChargeId and status = 'active'
)
update adpriority.tenants t
   set plan_tier = sub.plan, billing_status = 'active', billing_activated_at = now(),
       trial_ends_at = case when sub.trial_days > 0 then now() + make_interval(days => sub.trial_days) end, updated_at = now()
  from sub
 where t.id = @TenantId
returning t.plan_tier as "Plan", t.billing_activated_at as "ActivatedAt", t.trial_ends_at as "TrialEndsAt";
