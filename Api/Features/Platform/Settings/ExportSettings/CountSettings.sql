-- How many settings the tenant has (the export's progress total).
select count(*) from platform.tenant_settings where tenant_id = cast(@TenantId as uuid);
