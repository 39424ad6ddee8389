-- One page of the tenant's sync history, newest first, with the filtered total on every row.
select id as "Id", sync_type as "SyncType", status as "Status", products_synced as "ProductsSynced", errors::text as "Errors",
       started_at as "StartedAt", completed_at as "CompletedAt", count(*) over () as "Total"
from adpriority.sync_logs
where tenant_id = @TenantId
  and (cast(@SyncType as text) is null or sync_type = @SyncType)
  and (cast(@Status as text) is null or status = @Status)
order by started_at desc, id
limit @Limit offset @Offset;
