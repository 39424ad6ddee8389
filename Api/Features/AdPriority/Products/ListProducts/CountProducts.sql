-- How many of the tenant's live products pass the list filters.
select count(*)
from adpriority.products p
where p.tenant_id = @TenantId and p.deleted_at is null
  and (@Status = 'all' or p.status = @Status)
  and (cast(@ProductType as text) is null or p.product_type = @ProductType)
  and (cast(@Vendor as text) is null or p.vendor = @Vendor)
  and (cast(@Priority as int) is null or p.priority = @Priority)
  and (cast(@Search as text) is null or p.title ilike @Search);
