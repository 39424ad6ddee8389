-- AdPriority full recalculation (issue 4 bench: 20,000 scores written, target < 1 s): every index and row trigger on
-- priority_scores is paid 20,000 times. Down to the primary key and one list index:
--   * priority_scores_page also carries calculated_at, so the distribution summary is an index-only scan of it too, and
--     priority_scores_summary goes;
--   * priority_scores_product goes: a product's scores are reached through its variants (variants_product, then the
--     primary key), in the recalculator, the manual-priority update and the product trigger below;
--   * the tenant foreign key (one RI check per inserted score) goes. Deleting a tenant, a product or a variant cascades
--     to the variants, whose statement-level delete trigger (0002) removes their scores; the GDPR purge deletes the
--     tenant's scores explicitly first.
-- products_deleted (0002) joined scores on product_id, which is no longer indexed; the variant cascade covers it.

drop trigger products_deleted on adpriority.products;
drop function adpriority.products_deleted();

alter table adpriority.priority_scores drop constraint priority_scores_tenant_id_fkey;

drop index adpriority.priority_scores_summary;
drop index adpriority.priority_scores_product;
drop index adpriority.priority_scores_page;
create index priority_scores_page on adpriority.priority_scores (tenant_id, product_title, shopify_variant_id)
    include (priority, is_override, calculated_at) where live;

create or replace function adpriority.product_score_columns() returns trigger language plpgsql as $$
begin
    update adpriority.priority_scores s
       set product_title = new.title, product_type = new.product_type, shopify_product_id = new.shopify_product_id,
           live = new.deleted_at is null and v.deleted_at is null
      from adpriority.variants v
     where v.product_id = new.id and v.tenant_id = new.tenant_id and s.variant_id = v.id;
    return null;
end $$;
