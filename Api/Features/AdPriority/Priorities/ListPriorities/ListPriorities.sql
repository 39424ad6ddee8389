-- One page of the tenant's live variant scores passing the filters (needsSync: calculated after the last sheet push),
-- ordered by product title then Shopify variant id: priority_scores carries both (and sku, Shopify product id), so the
-- page is read along priority_scores_page without joining variants and products.
select s.variant_id as "VariantId", s.shopify_variant_id as "ShopifyVariantId", s.shopify_product_id as "ShopifyProductId",
       s.product_title as "ProductTitle", s.sku as "Sku", s.priority as "Priority", s.label0 as "Label0", s.label1 as "Label1",
       s.label2 as "Label2", s.label3 as "Label3", s.label4 as "Label4", s.is_override as "IsOverride", s.calculated_at as "CalculatedAt"
from adpriority.priority_scores s
where s.tenant_id = @TenantId and s.live
  and (cast(@Priority as int) is null or s.priority = @Priority)
  and (cast(@MinPriority as int) is null or s.priority >= @MinPriority)
  and (cast(@MaxPriority as int) is null or s.priority <= @MaxPriority)
  and (cast(@Override as boolean) is null or s.is_override = @Override)
  and (cast(@ProductType as text) is null or s.product_type = @ProductType)
  and (cast(@CategoryGroup as text) is null or s.label2 = @CategoryGroup)
  and (cast(@NeedsSync as boolean) is null or (s.calculated_at > coalesce((select t.last_sheet_sync_at from adpriority.tenants t where t.id = @TenantId), '-infinity')) = @NeedsSync)
order by s.product_title, s.shopify_variant_id
limit @Limit offset @Offset;
