-- Records the pending charge the merchant has to approve; the tenant shows 'pending' only while it has no active plan.
insert into adpriority.subscriptions (tenant_id, charge_id, plan, price, trial_days, status)
values (@TenantId, @ChargeId, @Plan, cast(@Price as numeric), @TrialDays, 'pending')
on conflict (tenant_id, charge_id) do nothing;
update adpriority.tenants set billing_status = 'pending', updated_at = now()
 where id = @TenantId and billing_status in ('none', 'cancelled');
