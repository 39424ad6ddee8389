-- adpriority.product_score_columns: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0003_score_write_cost.sql.
create or replace function adpriority.product_score_columns() returns trigger language plpgsql as $$
begin
    update adpriority.priority_scores s
       set product_title = new.title, product_type = new.product_type, shopify_product_id = new.shopify_product_id,
           live = new.deleted_at is null and v.deleted_at is null
      from adpriority.variants v
     where v.product_id = new.id and v.tenant_id = new.tenant_id and s.variant_id = v.id;
    return null;
end $$;
