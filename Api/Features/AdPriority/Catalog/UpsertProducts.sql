-- Upserts products and their variants from a JSON array (@Json) for one tenant; soft-deletes variants missing from the payload.
-- Returns the local ids of the products written. A payload older than the stored product (its updated_at before the stored
-- shopify_updated_at: a late or replayed webhook) changes nothing and returns no id.
with input as (
    select * from jsonb_to_recordset(cast(@Json as jsonb))
        as x(id bigint, title text, product_type text, vendor text, tags text[], status text, created_at timestamptz, updated_at timestamptz, variants jsonb)
), products as (
    insert into adpriority.products as p (tenant_id, shopify_product_id, title, product_type, vendor, tags, status, shopify_created_at, shopify_updated_at)
    select @TenantId, i.id, left(i.title, 1000), left(i.product_type, 255), left(i.vendor, 255), coalesce(i.tags, '{}'), i.status,
           coalesce(i.created_at, now()), coalesce(i.updated_at, now())
    from input i
    on conflict (tenant_id, shopify_product_id) do update
       set title = excluded.title, product_type = excluded.product_type, vendor = excluded.vendor, tags = excluded.tags,
           status = excluded.status, shopify_created_at = excluded.shopify_created_at, shopify_updated_at = excluded.shopify_updated_at,
           deleted_at = null, updated_at = now()
     where p.tenant_id = @TenantId and excluded.shopify_updated_at >= p.shopify_updated_at
    returning p.id, p.shopify_product_id
), variants as (
    insert into adpriority.variants as v (tenant_id, product_id, shopify_variant_id, title, sku, price, inventory_quantity)
    select @TenantId, pr.id, (x->>'id')::bigint, coalesce(x->>'title', ''), coalesce(x->>'sku', ''), coalesce((x->>'price')::numeric, 0),
           coalesce((x->>'inventory_quantity')::int, 0)
    from input i join products pr on pr.shopify_product_id = i.id, jsonb_array_elements(i.variants) x
    on conflict (tenant_id, shopify_variant_id) do update
       set product_id = excluded.product_id, title = excluded.title, sku = excluded.sku, price = excluded.price,
           inventory_quantity = excluded.inventory_quantity, deleted_at = null, updated_at = now()
     where v.tenant_id = @TenantId
    returning v.id
), gone as (
    update adpriority.variants v set deleted_at = now(), updated_at = now()
      from products pr
     where v.product_id = pr.id and v.tenant_id = @TenantId and v.deleted_at is null
       and v.shopify_variant_id not in (select (x->>'id')::bigint from input i, jsonb_array_elements(i.variants) x)
)
select id from products;
