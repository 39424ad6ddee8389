-- One page of the tenant's live variant scores passing the filters (needsSync: calculated after the last sheet push).
select s.variant_id as "VariantId", v.shopify_variant_id as "ShopifyVariantId", p.shopify_product_id as "ShopifyProductId",
       p.title as "ProductTitle", v.sku as "Sku", s.priority as "Priority", s.label0 as "Label0", s.label1 as "Label1",
       s.label2 as "Label2", s.label3 as "Label3", s.label4 as "Label4", s.is_override as "IsOverride", s.calculated_at as "CalculatedAt"
from adpriority.priority_scores s
join adpriority.variants v on v.id = s.variant_id and v.tenant_id = @TenantId and v.deleted_at is null
join adpriority.products p on p.id = s.product_id and p.tenant_id = @TenantId and p.deleted_at is null
where s.tenant_id = @TenantId
  and (cast(@Priority as int) is null or s.priority = @Priority)
  and (cast(@MinPriority as int) is null or s.priority >= @MinPriority)
  and (cast(@MaxPriority as int) is null or s.priority <= @MaxPriority)
  and (cast(@Override as boolean) is null or s.is_override = @Override)
  and (cast(@ProductType as text) is null or p.product_type = @ProductType)
  and (cast(@CategoryGroup as text) is null or s.label2 = @CategoryGroup)
  and (cast(@NeedsSync as boolean) is null or (s.calculated_at > coalesce((select t.last_sheet_sync_at from adpriority.tenants t where t.id = @TenantId), '-infinity')) = @NeedsSync)
order by p.title, v.shopify_variant_id
limit @Limit offset @Offset;
