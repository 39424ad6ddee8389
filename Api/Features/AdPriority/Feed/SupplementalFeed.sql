-- The Merchant Center supplemental feed of a tenant: one row per live variant of an active product with its stored labels.
-- @activeOnly: only variants in stock. Ordered so full pushes and the CSV are stable.
select p.shopify_product_id, v.shopify_variant_id, s.label0, s.label1, s.label2, s.label3, s.label4
from adpriority.priority_scores s
join adpriority.variants v on v.id = s.variant_id and v.tenant_id = @tenant and v.deleted_at is null
join adpriority.products p on p.id = s.product_id and p.tenant_id = @tenant and p.deleted_at is null and p.status = 'active'
where s.tenant_id = @tenant
  and (not @activeOnly or v.inventory_quantity > 0)
order by p.shopify_product_id, v.shopify_variant_id;
