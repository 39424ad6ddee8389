-- BrandInsights: the crawled cannabis market (brands, dispensaries, stores, products), the compact menu history
-- (listing intervals) and the daily roll-ups the dashboard reads. See docs/brand-insights.md for every definition.
--
-- Row-level security: brand-owned tables (products, listings and every roll-up) are visible to the app role only for
-- the brand in app.brand_id (set per request transaction by BrandScope). Not FORCEd: the owner login runs ingest and
-- roll-ups across all brands. Brands, dispensaries and stores are the public market directory and carry no policy.

create table brandinsights.brands (
    id               bigint generated always as identity primary key,
    cannabrands_id   text not null unique,
    cannabrands_slug text unique,
    name             text not null
);

create table brandinsights.dispensaries (
    id   bigint generated always as identity primary key,
    name text not null
);

create table brandinsights.stores (
    id              bigint generated always as identity primary key,
    dispensary_id   bigint not null references brandinsights.dispensaries (id),
    name            text   not null,
    slug            text   not null unique,
    city            text   not null,
    state           text   not null check (state ~ '^[A-Z]{2}$'),
    menu_url        text   not null,
    -- the day of the latest crawl that covered this store's menu; listings at stores not crawled for 7 days are "stale"
    last_crawled_on date
);
create index stores_dispensary on brandinsights.stores (dispensary_id);

create table brandinsights.products (
    id          bigint generated always as identity primary key,
    brand_id    bigint not null references brandinsights.brands (id),
    fingerprint text   not null unique,
    name        text   not null,
    variant     text   not null default '',
    weight      text   not null default '',
    category    text   not null,
    unique (id, brand_id)
);
create index products_brand on brandinsights.products (brand_id);

-- One row per (store, product, unchanged state): the product was on the store's menu from valid_from (inclusive) to
-- valid_to (exclusive) at this price, stock state and promotion. valid_to null: still on the menu. A price, stock or
-- promotion change closes the row and opens the next one on the same day, so contiguous rows form one listing.
create table brandinsights.listings (
    id               bigint generated always as identity primary key,
    store_id         bigint  not null references brandinsights.stores (id),
    product_id       bigint  not null,
    brand_id         bigint  not null,
    valid_from       date    not null,
    valid_to         date,
    price_cents      int     not null check (price_cents >= 0),
    in_stock         boolean not null,
    promo_type       text check (promo_type in ('percent_off', 'dollar_off', 'bogo', 'bundle', 'set_price', 'other')),
    discount_percent numeric(5, 2) check (discount_percent between 0 and 100),
    foreign key (product_id, brand_id) references brandinsights.products (id, brand_id),
    check (valid_to is null or valid_to > valid_from),
    check (promo_type is not null or discount_percent is null)
);
create unique index listings_open on brandinsights.listings (store_id, product_id) where valid_to is null;
create index listings_brand on brandinsights.listings (brand_id, store_id, product_id, valid_from);
create index listings_product on brandinsights.listings (product_id, valid_from);

-- Roll-ups (written by the Rollups/RollUpBrands slice; the dashboard reads nothing else for history).

-- One row per brand and day from the brand's first listing to the roll-up day: end-of-day levels and that day's changes.
create table brandinsights.brand_daily (
    brand_id           bigint not null references brandinsights.brands (id),
    day                date   not null,
    stores             int    not null,
    stores_added       int    not null,
    stores_removed     int    not null,
    skus               int    not null,
    skus_in_stock      int    not null,
    skus_new           int    not null,
    skus_removed       int    not null,
    skus_on_promo      int    not null,
    stores_with_promos int    not null,
    listings           int    not null,
    promos             int    not null,
    promo_percent_off  int    not null,
    promo_dollar_off   int    not null,
    promo_bogo         int    not null,
    promo_bundle       int    not null,
    promo_set_price    int    not null,
    promo_other        int    not null,
    discount_sum       numeric(14, 2) not null,
    discount_count     int    not null,
    price_changes      int    not null,
    price_sum          bigint not null,   -- sum of listed prices (cents) that day: avg = price_sum / listings
    primary key (brand_id, day)
);

-- Continuous runs of days on which a store listed at least one of the brand's products (first_day inclusive,
-- end_day exclusive, null while it still does).
create table brandinsights.store_presence (
    brand_id        bigint not null references brandinsights.brands (id),
    store_id        bigint not null references brandinsights.stores (id),
    first_day       date   not null,
    end_day         date,
    first_sku_count int    not null,
    last_sku_count  int    not null,
    primary key (brand_id, store_id, first_day)
);
create index store_presence_end on brandinsights.store_presence (brand_id, end_day);

-- Per brand and store, as of the roll-up day (the stores drill-down).
create table brandinsights.store_snapshot (
    brand_id          bigint not null references brandinsights.brands (id),
    store_id          bigint not null references brandinsights.stores (id),
    status            text   not null check (status in ('active', 'removed')),
    first_seen        date   not null,
    last_seen         date   not null,
    sku_active        int    not null,
    sku_in_stock      int    not null,
    sku_on_promo      int    not null,
    sku_total_ever    int    not null,
    avg_price_cents   int,
    min_price_cents   int,
    max_price_cents   int,
    new_skus_7d       int    not null,
    removed_skus_7d   int    not null,
    price_changes_7d  int    not null,
    primary key (brand_id, store_id)
);
create index store_snapshot_status on brandinsights.store_snapshot (brand_id, status, sku_active desc);

-- Per product, as of the roll-up day (the products drill-down).
create table brandinsights.product_snapshot (
    product_id             bigint  not null primary key references brandinsights.products (id),
    brand_id               bigint  not null references brandinsights.brands (id),
    status                 text    not null check (status in ('active', 'stale', 'removed')),
    first_seen             date    not null,
    last_seen              date    not null,
    store_count            int     not null,
    store_count_prev_30d   int     not null,
    states                 text[]  not null,
    avg_price_cents        int,
    min_price_cents        int,
    max_price_cents        int,
    in_stock_count         int     not null,
    out_of_stock_count     int     not null,
    stores_on_promo        int     not null,
    promo_listing_days_30d int     not null,
    listing_days_30d       int     not null,
    common_promo_type      text
);
create index product_snapshot_brand on brandinsights.product_snapshot (brand_id, status, store_count desc);

-- Per brand: when its roll-ups were last computed and through which day; dirty_from is set by ingest.
-- No policy: the dashboard's as_of is the latest roll-up time of the whole market.
create table brandinsights.rollup_state (
    brand_id       bigint primary key references brandinsights.brands (id),
    rolled_through date,
    rolled_at      timestamptz,
    dirty_from     date
);

-- Crawler credentials for POST v1/ingest/menu-snapshots: only the SHA-256 of each key is kept.
create table brandinsights.ingest_keys (
    id         bigint generated always as identity primary key,
    name       text        not null,
    key_hash   text        not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

do $$
declare t text;
begin
    foreach t in array array['products', 'listings', 'brand_daily', 'store_presence', 'store_snapshot', 'product_snapshot']
    loop
        execute format('alter table brandinsights.%I enable row level security', t);
        execute format($p$create policy brand_isolation on brandinsights.%I
            using (brand_id = nullif(current_setting('app.brand_id', true), '')::bigint)$p$, t);
    end loop;
end $$;
