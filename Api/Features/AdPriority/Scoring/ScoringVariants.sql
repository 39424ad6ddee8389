-- The live variants in scope with what scoring needs and their current score (null types/ids = all).
select v.id, v.product_id, p.product_type, p.tags, p.shopify_created_at, v.inventory_quantity,
       s.priority, s.is_override, s.label1, s.label2, s.label3, s.label4
from adpriority.variants v
join adpriority.products p on p.id = v.product_id and p.tenant_id = @tenant and p.deleted_at is null
left join adpriority.priority_scores s on s.variant_id = v.id and s.tenant_id = @tenant
where v.tenant_id = @tenant and v.deleted_at is null
  and (@types::text[] is null or p.product_type = any(@types::text[]))
  and (@ids::uuid[] is null or p.id = any(@ids::uuid[]));
