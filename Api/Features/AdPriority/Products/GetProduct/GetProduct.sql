-- One live product of the caller's tenant. No row: not found (or another tenant's).
select id as "Id", shopify_product_id as "ShopifyProductId", title as "Title", product_type as "ProductType", vendor as "Vendor",
       tags as "Tags", status as "Status", shopify_created_at as "CreatedAt", updated_at as "UpdatedAt"
from adpriority.products
where tenant_id = @TenantId and id = @Id and deleted_at is null;
