-- One page of the tenant's live variant scores passing the filters, ordered by product title then Shopify variant id:
-- priority_scores carries both (and sku, Shopify product id), so the page is read along priority_scores_page (with a
-- category group: priority_scores_category) without joining variants and products. The FILTERS marker is the handler's
-- conditions for the filters the request has, and only those, so each combination gets its own prepared plan.
select s.variant_id as "VariantId", s.shopify_variant_id as "ShopifyVariantId", s.shopify_product_id as "ShopifyProductId",
       s.product_title as "ProductTitle", s.sku as "Sku", s.priority as "Priority", s.label0 as "Label0", s.label1 as "Label1",
       s.label2 as "Label2", s.label3 as "Label3", s.label4 as "Label4", s.is_override as "IsOverride", s.calculated_at as "CalculatedAt"
from adpriority.priority_scores s
where s.tenant_id = @TenantId and s.live
  /*FILTERS*/
order by s.product_title, s.shopify_variant_id
limit @Limit offset @Offset;
