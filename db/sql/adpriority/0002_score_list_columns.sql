-- AdPriority list speed (issue 4 bench): GET /api/priorities read every score of the tenant joined to its variant and product,
-- sorted them by product title and summarised them on every request. priority_scores now carries what the list pages and
-- their filters read, kept correct by triggers on variants and products:
--   live               variant and product both not soft-deleted (the lists and the summary only show live scores)
--   product_title, product_type, shopify_product_id   from the product
--   shopify_variant_id, sku                            from the variant
-- The page order (product title, Shopify variant id) and the summary (priority, locked, latest calculation) are served
-- by partial indexes over the live rows.
--
-- The foreign keys to variants and products (one RI check per written score, row-by-row cascades) are replaced by
-- statement-level delete triggers that remove the scores of deleted variants/products in one set-based delete.
-- The tenant foreign key stays (tenant deletion still cascades).

alter table adpriority.priority_scores
    add column live               boolean not null default true,
    add column product_title      text    not null default '',
    add column product_type       text    not null default '',
    add column shopify_product_id bigint  not null default 0,
    add column shopify_variant_id bigint  not null default 0,
    add column sku                text    not null default '';

update adpriority.priority_scores s
   set live = v.deleted_at is null and p.deleted_at is null,
       product_id = v.product_id,
       product_title = p.title, product_type = p.product_type, shopify_product_id = p.shopify_product_id,
       shopify_variant_id = v.shopify_variant_id, sku = v.sku
  from adpriority.variants v
  join adpriority.products p on p.id = v.product_id
 where v.id = s.variant_id;

alter table adpriority.priority_scores drop constraint priority_scores_variant_id_fkey;
alter table adpriority.priority_scores drop constraint priority_scores_product_id_fkey;

-- (tenant_id, priority) served only the old list; the summary index below covers it
drop index adpriority.priority_scores_list;

-- page order of GET /api/priorities
create index priority_scores_page on adpriority.priority_scores (tenant_id, product_title, shopify_variant_id)
    include (priority, is_override) where live;
-- distribution summary (and the priority filters): index-only over the live rows
create index priority_scores_summary on adpriority.priority_scores (tenant_id, priority, is_override, calculated_at) where live;

-- variant changes: its identifiers, sku, liveness or product move reach its score
create function adpriority.variant_score_columns() returns trigger language plpgsql as $$
begin
    update adpriority.priority_scores s
       set product_id = new.product_id, shopify_variant_id = new.shopify_variant_id, sku = new.sku,
           live = new.deleted_at is null and p.deleted_at is null,
           product_title = p.title, product_type = p.product_type, shopify_product_id = p.shopify_product_id
      from adpriority.products p
     where s.variant_id = new.id and s.tenant_id = new.tenant_id and p.id = new.product_id;
    return null;
end $$;

create trigger variant_score_columns after update on adpriority.variants
    for each row
    when (old.product_id is distinct from new.product_id or old.shopify_variant_id is distinct from new.shopify_variant_id
          or old.sku is distinct from new.sku or (old.deleted_at is null) <> (new.deleted_at is null))
    execute function adpriority.variant_score_columns();

-- product changes: title, type, Shopify id or liveness reach the scores of its variants
create function adpriority.product_score_columns() returns trigger language plpgsql as $$
begin
    update adpriority.priority_scores s
       set product_title = new.title, product_type = new.product_type, shopify_product_id = new.shopify_product_id,
           live = new.deleted_at is null and v.deleted_at is null
      from adpriority.variants v
     where s.product_id = new.id and s.tenant_id = new.tenant_id and v.id = s.variant_id;
    return null;
end $$;

create trigger product_score_columns after update on adpriority.products
    for each row
    when (old.title is distinct from new.title or old.product_type is distinct from new.product_type
          or old.shopify_product_id is distinct from new.shopify_product_id or (old.deleted_at is null) <> (new.deleted_at is null))
    execute function adpriority.product_score_columns();

-- hard deletes (GDPR purge, tenant deletion cascades): the scores of the deleted rows go in one statement
create function adpriority.variants_deleted() returns trigger language plpgsql as $$
begin
    delete from adpriority.priority_scores s using gone g where s.variant_id = g.id;
    return null;
end $$;

create trigger variants_deleted after delete on adpriority.variants
    referencing old table as gone for each statement execute function adpriority.variants_deleted();

create function adpriority.products_deleted() returns trigger language plpgsql as $$
begin
    delete from adpriority.priority_scores s using gone g where s.product_id = g.id;
    return null;
end $$;

create trigger products_deleted after delete on adpriority.products
    referencing old table as gone for each statement execute function adpriority.products_deleted();
