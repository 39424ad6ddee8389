-- Creates or replaces a setting of the caller's tenant. Always one row; Created tells insert from update.
insert into platform.tenant_settings as s (tenant_id, key, value)
values (cast(@TenantId as uuid), @Key, cast(@Value as jsonb))
on conflict (tenant_id, key) do update set value = excluded.value, updated_at = now()
returning s.key as "Key", s.value::text as "Value", s.updated_at as "UpdatedAt", (xmax = 0) as "Created";
