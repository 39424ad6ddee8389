-- Opens a sheet sync log. No row: a sheet sync is already running for the tenant (partial unique index sync_logs_one_running).
insert into adpriority.sync_logs (tenant_id, sync_type, mode, status)
values (@TenantId, 'sheet', @Mode, 'started')
on conflict do nothing
returning id as "Id",
          (select count(*)::int from adpriority.priority_scores s join adpriority.variants v on v.id = s.variant_id
                                join adpriority.products p on p.id = s.product_id
            where s.tenant_id = @TenantId and v.deleted_at is null and p.deleted_at is null and p.status = 'active'
              and (not @ActiveOnly or v.inventory_quantity > 0)) as "Estimated";
