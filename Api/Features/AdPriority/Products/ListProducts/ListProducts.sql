-- One page of the tenant's live products passing the filters; /*ORDER*/ is a whitelisted order clause (over alias p).
-- The page is cut first and only its 50 rows count their live variants (a count in the outer select list would run for
-- every row the offset skips).
select p.id as "Id", p.shopify_product_id::text as "ShopifyProductId", p.title as "Title", p.product_type as "ProductType",
       p.vendor as "Vendor", p.tags as "Tags", p.status as "Status",
       (select count(*) from adpriority.variants v where v.product_id = p.id and v.tenant_id = @TenantId and v.deleted_at is null)::int as "VariantCount",
       p.priority as "Priority", p.priority_override as "PriorityOverride", p.priority_calculated_at as "PriorityCalculatedAt",
       p.updated_at as "UpdatedAt"
from (
    select p.id, p.shopify_product_id, p.title, p.product_type, p.vendor, p.tags, p.status, p.priority, p.priority_override,
           p.priority_calculated_at, p.updated_at
    from adpriority.products p
    where p.tenant_id = @TenantId and p.deleted_at is null
      and (@Status = 'all' or p.status = @Status)
      and (cast(@ProductType as text) is null or p.product_type = @ProductType)
      and (cast(@Vendor as text) is null or p.vendor = @Vendor)
      and (cast(@Priority as int) is null or p.priority = @Priority)
      and (cast(@Search as text) is null or p.title ilike @Search)
    order by /*ORDER*/
    limit @Limit offset @Offset
) p
order by /*ORDER*/;
