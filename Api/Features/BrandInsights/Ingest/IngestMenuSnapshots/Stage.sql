-- The crawl's valid lines, loaded by binary COPY; dropped at commit.
create temp table ingest_stage (
    line_no          bigint  not null,
    observed_on      date    not null,
    store_slug       text    not null,
    store_name       text    not null,
    dispensary       text    not null,
    city             text    not null,
    state            text    not null,
    menu_url         text    not null,
    brand_id         text    not null,
    brand_name       text    not null,
    fingerprint      text    not null,
    product_name     text    not null,
    variant          text    not null,
    weight           text    not null,
    category         text    not null,
    price_cents      int     not null,
    in_stock         boolean not null,
    promo_type       text,
    discount_percent numeric(5, 2)
) on commit drop;
