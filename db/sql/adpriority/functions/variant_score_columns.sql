-- adpriority.variant_score_columns: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0002_score_list_columns.sql.
create or replace function adpriority.variant_score_columns() returns trigger language plpgsql as $$
begin
    update adpriority.priority_scores s
       set product_id = new.product_id, shopify_variant_id = new.shopify_variant_id, sku = new.sku,
           live = new.deleted_at is null and p.deleted_at is null,
           product_title = p.title, product_type = p.product_type, shopify_product_id = p.shopify_product_id
      from adpriority.products p
     where s.variant_id = new.id and s.tenant_id = new.tenant_id and p.id = new.product_id;
    return null;
end $$;
