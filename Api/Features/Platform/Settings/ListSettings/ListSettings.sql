-- A page of the caller's settings in key order, after @After, keys starting with @Prefix; @Take is page size + 1.
select key as "Key", value::text as "Value", updated_at as "UpdatedAt"
from platform.tenant_settings
where tenant_id = cast(@TenantId as uuid)
  and key > @After
  and left(key, length(@Prefix)) = @Prefix
order by key
limit @Take;
