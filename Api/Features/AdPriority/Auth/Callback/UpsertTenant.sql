-- Creates the tenant for a shop, or reactivates an uninstalled one (a suspended tenant stays suspended).
insert into adpriority.tenants (id, shop_domain, scopes)
values (@Id, @Shop, @Scopes)
on conflict (shop_domain) do update
   set scopes = excluded.scopes,
       status = case when adpriority.tenants.status = 'uninstalled' then 'active' else adpriority.tenants.status end,
       installed_at = case when adpriority.tenants.status = 'uninstalled' then now() else adpriority.tenants.installed_at end,
       uninstalled_at = null, delete_after = null, updated_at = now()
returning id as "Id", plan_tier as "PlanTier", status as "Status";
