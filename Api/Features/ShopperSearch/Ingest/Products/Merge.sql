-- Merges the staged rows (last occurrence of a product_id wins) into the merchant's catalog: existing rows take every non-null
-- staged field (metadata merged) and are marked for re-enrichment; new rows are inserted. Returns how many rows were written.
-- Existing rows are locked in id order first, the order the enrichment pipeline updates them in, so the two do not deadlock.
with s as (
    select distinct on (product_id) * from pg_temp.ingest_stage order by product_id, line desc
), locked as (
    select p.id from shopper.products p join s on s.product_id = p.product_id where p.merchant_id = @Merchant order by p.id for update of p
), updated as (
    update shopper.products p set
        product_name = coalesce(s.product_name, p.product_name), handle = coalesce(s.handle, p.handle),
        product_details = coalesce(s.product_details, p.product_details), brand = coalesce(s.brand, p.brand),
        category = coalesce(s.category, p.category), sub_category = coalesce(s.sub_category, p.sub_category),
        color = coalesce(s.color, p.color), tags = coalesce(s.tags, p.tags), price = coalesce(s.price, p.price),
        price_numeric = coalesce(s.price_numeric, p.price_numeric),
        variant_compare_at_price = coalesce(s.variant_compare_at_price, p.variant_compare_at_price),
        option1_name = coalesce(s.option1_name, p.option1_name), gender = coalesce(s.gender, p.gender), image1 = coalesce(s.image1, p.image1),
        image1_description = coalesce(s.image1_description, p.image1_description), status = coalesce(s.status, p.status),
        display_flag = coalesce(s.display_flag, p.display_flag), metadata_json = p.metadata_json || coalesce(s.metadata_json, '{}'),
        enriched_at = null, last_updated = now()
    from s where p.merchant_id = @Merchant and p.product_id = s.product_id and p.id in (select id from locked)
    returning p.product_id
), inserted as (
    insert into shopper.products (merchant_id, product_id, product_name, handle, product_details, brand, category, sub_category, color, tags,
        price, price_numeric, variant_compare_at_price, option1_name, gender, image1, image1_description, status, display_flag, metadata_json)
    select @Merchant, s.product_id, s.product_name, s.handle, s.product_details, s.brand, s.category, s.sub_category, s.color, s.tags,
        s.price, s.price_numeric, s.variant_compare_at_price, s.option1_name, s.gender, s.image1, s.image1_description,
        coalesce(s.status, 'active'), coalesce(s.display_flag, true), coalesce(s.metadata_json, '{}')
    from s where not exists (select from shopper.products p where p.merchant_id = @Merchant and p.product_id = s.product_id)
    returning product_id
)
select (select count(*) from updated) + (select count(*) from inserted);
