-- One setting of the caller's tenant (filtered here and by row-level security on app.tenant_id). No row: not found.
select key as "Key", value::text as "Value", updated_at as "UpdatedAt"
from platform.tenant_settings
where tenant_id = cast(@TenantId as uuid) and key = @Key;
