-- One page of the tenant's settings in key order after @After.
select key as "Key", value::text as "Value"
from platform.tenant_settings
where tenant_id = cast(@TenantId as uuid) and key > @After
order by key
limit @Take;
