-- The tenant's season calendar (four rows once installed).
select id as "Id", season as "Season", name as "Name", start_month as "StartMonth", end_month as "EndMonth"
from adpriority.seasons where tenant_id = @TenantId order by start_month;
