-- Deletes one setting of the caller's tenant. 0 rows: not found.
delete from platform.tenant_settings
where tenant_id = cast(@TenantId as uuid) and key = @Key;
