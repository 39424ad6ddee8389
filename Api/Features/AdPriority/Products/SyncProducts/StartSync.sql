-- Opens a Shopify sync log for the tenant. No row: one is already running (partial unique index sync_logs_one_running).
insert into adpriority.sync_logs (tenant_id, sync_type, mode, status)
values (@TenantId, 'shopify', @Mode, 'started')
on conflict do nothing
returning id as "Id",
          (select count(*)::int from adpriority.products where tenant_id = @TenantId and deleted_at is null) as "Estimated";
