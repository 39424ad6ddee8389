-- The tenant's latest sync (any kind) and how many live scores changed since the last sheet push (what
-- GET /api/priorities?needsSync=true counts: variants deleted by products/delete are not live). Always one row.
select l.id as "Id", l.sync_type as "SyncType", l.status as "Status", coalesce(l.products_synced, 0) as "ProductsSynced",
       l.errors::text as "Errors", l.started_at as "StartedAt", l.completed_at as "CompletedAt",
       (select count(*)::int from adpriority.priority_scores s
         where s.tenant_id = @TenantId and s.live
           and s.calculated_at > coalesce((select t.last_sheet_sync_at from adpriority.tenants t where t.id = @TenantId), '-infinity')) as "PendingChanges"
from (select 1) one
left join lateral (select * from adpriority.sync_logs where tenant_id = @TenantId order by started_at desc, id limit 1) l on true;
