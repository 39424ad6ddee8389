-- ShopperSearch: the canonical catalog, shopper profiles, search cache, pipeline tracking and API keys.
-- Every table is scoped by merchant_id (an opaque integer); row-level security compares it with app.tenant_id.

-- Trigram typo tolerance when the server ships pg_trgm (Debian's postgresql package does); search falls back without it.
do $$
begin
    if exists (select from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm with schema public;
    end if;
end $$;

create table shopper.merchant_info (
    merchant_id     bigint primary key check (merchant_id > 0),
    shop_domain     text,
    display_name    text,
    catalog_version bigint      not null default 0,   -- bumped by every catalog write; cached searches of older versions are stale
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table shopper.credentials (
    id          bigint generated always as identity primary key,
    merchant_id bigint      not null references shopper.merchant_info (merchant_id),
    provider    text        not null,
    secret      text        not null,               -- SecretBox ciphertext, never returned
    preview     text        not null,
    created_at  timestamptz not null default now(),
    unique (merchant_id, provider)
);

create table shopper.products (
    id                       bigint generated always as identity primary key,
    merchant_id              bigint           not null check (merchant_id > 0),
    product_id               text             not null check (length(product_id) between 1 and 2048),
    product_name             text             not null check (length(product_name) > 0),
    handle                   text,
    product_details          text,
    brand                    text,
    category                 text,
    sub_category             text,
    color                    text,
    tags                     text,
    price                    text             not null,
    price_numeric            double precision not null check (price_numeric >= 0),
    variant_compare_at_price text,
    option1_name             text,
    gender                   text check (gender in ('mens', 'womens', 'unisex', 'kids')),
    image1                   text             not null,
    image1_description       text,
    status                   text             not null default 'active' check (status in ('active', 'draft', 'archived')),
    display_flag             boolean          not null default true,
    metadata_json            jsonb            not null default '{}'::jsonb,
    -- computed by the enrichment pipeline; never accepted on ingest
    text_embedding           real[],
    text_embedding_1         real[],
    img_embedding            real[],
    image_desc_embed         real[],
    color_embedding          real[],          -- CIELAB of the product's stated colour
    color_embedding_1        real[],          -- CIELAB of the three dominant image colours
    color_embedding_2        real[],
    color_embedding_3        real[],
    color_hsv_embedding_1    real[],
    color_hsv_embedding_2    real[],
    color_hsv_embedding_3    real[],
    percent_1                real,
    percent_2                real,
    percent_3                real,
    color_names              text,            -- add_color_names: names of the dominant colours, space separated
    enriched_at              timestamptz,
    last_updated             timestamptz      not null default now(),
    search_vector            tsvector generated always as (
        setweight(to_tsvector('english', coalesce(product_name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(category, '') || ' ' || coalesce(sub_category, '') || ' ' || coalesce(brand, '')), 'B') ||
        setweight(to_tsvector('english', replace(coalesce(tags, ''), ',', ' ') || ' ' || coalesce(color, '') || ' ' || coalesce(color_names, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(product_details, '') || ' ' || coalesce(image1_description, '')), 'D')
    ) stored,
    unique (merchant_id, product_id)
);
create index products_search on shopper.products using gin (search_vector);
create index products_active_price on shopper.products (merchant_id, price_numeric) where status = 'active' and display_flag;

create table shopper.product_synonyms (
    id          bigint generated always as identity primary key,
    merchant_id bigint not null,
    term        text   not null check (term = lower(term) and length(term) > 0),
    synonyms    text[] not null,
    unique (merchant_id, term)
);

create table shopper.search_results (
    id              bigint generated always as identity primary key,
    merchant_id     bigint      not null,
    operation_type  text        not null,      -- text, color, textandcolor, queryresponse
    cache_key       text        not null,
    catalog_version bigint      not null,
    result_count    int         not null,
    response        json        not null,           -- json keeps the key order clients see
    hits            int         not null default 0,
    created_at      timestamptz not null default now(),
    last_hit_at     timestamptz,
    expires_at      timestamptz not null,
    unique (merchant_id, operation_type, cache_key)
);

create table shopper.user_profile (
    id           bigint generated always as identity primary key,
    merchant_id  bigint      not null,
    user_name    text        not null,
    first_name   text        not null,
    last_name    text        not null,
    email_id     text        not null,
    profile_name text,
    created_at   timestamptz not null default now()
);
create unique index user_profile_email on shopper.user_profile (merchant_id, lower(email_id));

create table shopper.user_preferences (
    id                      bigint generated always as identity primary key,
    merchant_id             bigint      not null,
    user_profile_id         bigint      not null unique references shopper.user_profile (id) on delete cascade,
    conversational_style    text,
    personal_fashion_style  text,
    favorite_colors         text[],
    fashion_material_prefer text[],
    body_type               text,
    fashion_goals           text,
    age_group               text,
    is_modified             boolean     not null default false,
    product_ids             bigint[],
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);

create table shopper.user_greetings (
    id              bigint generated always as identity primary key,
    merchant_id     bigint      not null,
    user_profile_id bigint      references shopper.user_profile (id) on delete cascade,
    current_hour    int,
    greeting        text        not null,
    created_at      timestamptz not null default now()
);

create table shopper.pipeline_status (
    merchant_id     bigint primary key,
    shop_domain     text,
    current_step    text        not null default 'initialized',
    completed_steps text[]      not null default '{}',
    failed_steps    text[]      not null default '{}',
    status          text        not null default 'running' check (status in ('running', 'completed', 'failed')),
    started_at      timestamptz not null default now(),
    completed_at    timestamptz,
    last_updated    timestamptz not null default now(),
    error_message   text,
    config          jsonb       not null default '{}'::jsonb,
    run_id          text
);

create table shopper.api_keys (
    id           bigint generated always as identity primary key,
    merchant_id  bigint      not null,
    name         text        not null,
    environment  text        not null check (environment in ('test', 'live')),
    key_prefix   text        not null,          -- first characters, to recognise a key in a list
    key_hash     text        not null unique,   -- Hashing.HashApiKey; the key itself is shown once
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

do $$
declare t text;
begin
    foreach t in array array['merchant_info', 'credentials', 'products', 'product_synonyms', 'search_results', 'user_profile',
                             'user_preferences', 'user_greetings', 'pipeline_status', 'api_keys']
    loop
        execute format('alter table shopper.%I enable row level security', t);
        execute format('alter table shopper.%I force row level security', t);
        execute format($p$create policy tenant_isolation on shopper.%I
            using (merchant_id = nullif(current_setting('app.tenant_id', true), '')::bigint)
            with check (merchant_id = nullif(current_setting('app.tenant_id', true), '')::bigint)$p$, t);
    end loop;
end $$;

-- Authenticating an API key happens before the merchant is known, so the lookup by hash runs as the owner.
create function shopper.find_api_key(p_hash text)
returns table (id bigint, merchant_id bigint, environment text, revoked boolean)
language sql stable security definer set search_path = pg_catalog, shopper as $$
    select k.id, k.merchant_id, k.environment, k.revoked_at is not null from shopper.api_keys k where k.key_hash = p_hash
$$;

create function shopper.touch_api_key(p_id bigint)
returns void language sql security definer set search_path = pg_catalog, shopper as $$
    update shopper.api_keys set last_used_at = now() where id = p_id and (last_used_at is null or last_used_at < now() - interval '1 minute')
$$;

-- CIE76 colour difference of two CIELAB triples (null when either is missing).
create function shopper.delta_e(a real[], b real[]) returns double precision
language sql immutable parallel safe as $$
    select case when a is null or b is null or cardinality(a) <> 3 or cardinality(b) <> 3 then null
                else sqrt((a[1] - b[1]) ^ 2 + (a[2] - b[2]) ^ 2 + (a[3] - b[3]) ^ 2) end
$$;

-- How closely the query matches part of a product name (pg_trgm's word_similarity when installed, else 0).
do $$
declare ns text;
begin
    select n.nspname into ns from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    if ns is not null then
        execute format('create function shopper.name_similarity(q text, name text) returns real
            language sql immutable parallel safe as %L', format('select %I.word_similarity(q, name)', ns));
    else
        create function shopper.name_similarity(q text, name text) returns real
        language sql immutable parallel safe as 'select 0::real';
    end if;
end $$;
