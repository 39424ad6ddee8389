-- Upserts one batch of a competitor's scraped products ($3.. are parallel arrays) and records a price_history row for
-- every product whose price is new or changed (the "old" CTE reads the prices before this statement's upsert).
with incoming as (
    select * from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::boolean[], $12::int[])
        as i(external_id, product_name, variant_title, url, sku, vendor, product_type, price, in_stock, pack_quantity)
), old as (
    select p.external_id, p.price from pricewatch.product_tracking p
     where p.tenant_id = $1 and p.competitor_id = $2 and p.external_id in (select external_id from incoming)
), upserted as (
    insert into pricewatch.product_tracking as p (tenant_id, competitor_id, external_id, product_name, variant_title, url, sku, vendor,
                                                  product_type, price, in_stock, pack_quantity, ppu, last_scraped_at)
    select $1, $2, i.external_id, i.product_name, i.variant_title, i.url, i.sku, i.vendor, i.product_type, i.price, i.in_stock,
           i.pack_quantity, round(i.price / i.pack_quantity, 4), now()
      from incoming i
    on conflict (tenant_id, competitor_id, external_id) do update set
        product_name = excluded.product_name, variant_title = excluded.variant_title, url = excluded.url, sku = excluded.sku,
        vendor = excluded.vendor, product_type = excluded.product_type, price = excluded.price, in_stock = excluded.in_stock,
        pack_quantity = excluded.pack_quantity, ppu = excluded.ppu, last_scraped_at = now()
    returning p.id, p.external_id, p.price
), history as (
    insert into pricewatch.price_history (tenant_id, product_id, price)
    select $1, u.id, u.price from upserted u left join old o on o.external_id = u.external_id
     where u.price is not null and o.price is distinct from u.price
)
select count(*) from upserted;
