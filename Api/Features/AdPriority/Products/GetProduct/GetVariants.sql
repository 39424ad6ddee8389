-- The product's live variants with their scores (null when not yet calculated).
select v.id as "Id", v.shopify_variant_id as "ShopifyVariantId", v.sku as "Sku", v.price as "Price", v.inventory_quantity as "InventoryQuantity",
       s.priority as "Priority", s.label0 as "Label0", s.label1 as "Label1", s.label2 as "Label2", s.label3 as "Label3", s.label4 as "Label4",
       coalesce(s.is_override, false) as "IsOverride", s.calculated_at as "CalculatedAt"
from adpriority.variants v
left join adpriority.priority_scores s on s.variant_id = v.id and s.tenant_id = @TenantId
where v.tenant_id = @TenantId and v.product_id = @Id and v.deleted_at is null
order by v.shopify_variant_id;
