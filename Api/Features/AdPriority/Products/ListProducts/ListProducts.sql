-- One page of the tenant's live products passing the filters; /*ORDER*/ is a whitelisted order clause.
select p.id as "Id", p.shopify_product_id::text as "ShopifyProductId", p.title as "Title", p.product_type as "ProductType",
       p.vendor as "Vendor", p.tags as "Tags", p.status as "Status",
       (select count(*) from adpriority.variants v where v.product_id = p.id and v.deleted_at is null)::int as "VariantCount",
       p.priority as "Priority", p.priority_override as "PriorityOverride", p.priority_calculated_at as "PriorityCalculatedAt",
       p.updated_at as "UpdatedAt"
from adpriority.products p
where p.tenant_id = @TenantId and p.deleted_at is null
  and (@Status = 'all' or p.status = @Status)
  and (cast(@ProductType as text) is null or p.product_type = @ProductType)
  and (cast(@Vendor as text) is null or p.vendor = @Vendor)
  and (cast(@Priority as int) is null or p.priority = @Priority)
  and (cast(@Search as text) is null or p.title ilike @Search)
order by /*ORDER*/
limit @Limit offset @Offset;
