-- A live variant of the caller's tenant and whether it has a score. No row: not found.
select v.product_id as "ProductId", exists (select from adpriority.priority_scores s where s.variant_id = v.id and s.tenant_id = @TenantId) as "Scored"
from adpriority.variants v
join adpriority.products p on p.id = v.product_id and p.deleted_at is null
where v.tenant_id = @TenantId and v.id = @VariantId and v.deleted_at is null;
