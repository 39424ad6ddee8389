-- PriceWatch (VantageDash): tenants and teams, competitors and their scraped products, the tenant's own catalog, matches,
-- sessions of background work, alerts, schedules, industry profiles and templates, credentials, billing.
-- Tenant tables carry tenant_id uuid and row-level security on app.tenant_id. Two narrower read paths exist:
--   * app.pw_user_id / app.pw_user_email: a signed-in user sees their own memberships and invitations addressed to them
--     (the auth scheme resolves the tenant this way; a user without a tenant accepts an invitation this way);
--   * app.pw_scope = 'platform' (select only): set by super-admin endpoints after checking super_admins, by the scrape
--     scheduler and by the Stripe webhook after its signature check, to read across tenants.

create or replace function pricewatch.current_tenant() returns uuid language sql stable as
$$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;
create or replace function pricewatch.platform_scope() returns boolean language sql stable as
$$ select coalesce(current_setting('app.pw_scope', true), '') = 'platform' $$;
create or replace function pricewatch.current_user_id() returns uuid language sql stable as
$$ select nullif(current_setting('app.pw_user_id', true), '')::uuid $$;
create or replace function pricewatch.current_user_email() returns text language sql stable as
$$ select lower(nullif(current_setting('app.pw_user_email', true), '')) $$;

create table pricewatch.tenants (
    id         uuid primary key default gen_random_uuid(),
    name       text not null,
    slug       text not null unique,
    created_at timestamptz not null default now()
);

-- Supabase auth users as this API has seen them (id = the JWT sub); email refreshed from tokens and the admin API.
create table pricewatch.users (
    id         uuid primary key,
    email      text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table pricewatch.super_admins (
    user_id    uuid primary key references pricewatch.users (id) on delete cascade,
    created_at timestamptz not null default now()
);

-- one workspace per user (as in VantageDash); the role orders owner > admin > member > viewer
create table pricewatch.user_tenants (
    user_id    uuid not null unique references pricewatch.users (id) on delete cascade,
    tenant_id  uuid not null references pricewatch.tenants (id) on delete cascade,
    role       text not null check (role in ('owner', 'admin', 'member', 'viewer')),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);
create unique index user_tenants_one_owner on pricewatch.user_tenants (tenant_id) where role = 'owner';

create table pricewatch.team_invitations (
    id          uuid primary key default gen_random_uuid(),
    tenant_id   uuid not null references pricewatch.tenants (id) on delete cascade,
    email       text not null,
    role        text not null check (role in ('admin', 'member', 'viewer')),
    status      text not null default 'pending' check (status in ('pending', 'accepted', 'revoked', 'expired')),
    invited_by  uuid references pricewatch.users (id) on delete set null,
    expires_at  timestamptz not null default now() + interval '7 days',
    resent_count int not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    accepted_at timestamptz,
    accepted_by uuid references pricewatch.users (id) on delete set null
);
create unique index team_invitations_one_pending on pricewatch.team_invitations (tenant_id, lower(email)) where status = 'pending';
create index team_invitations_email on pricewatch.team_invitations (lower(email));

create table pricewatch.plans (
    id                        text primary key,
    name                      text not null,
    price_cents               int  not null,
    competitors_limit         int  not null,           -- -1 = unlimited
    ai_matching               boolean not null,
    auto_scrape               boolean not null,
    embeddings                boolean not null,
    min_scrape_interval_hours int,                      -- null = no automatic scraping
    features                  text[] not null,
    sort                      int not null
);
insert into pricewatch.plans values
  ('free', 'Free', 0, 2, false, false, false, null, array['Manual scraping', 'Fuzzy matching', 'CSV export'], 1),
  ('pro', 'Pro', 4900, 10, true, true, false, 24, array['AI matching', '24h auto-scrape', 'PDF export', 'Webhooks'], 2),
  ('enterprise', 'Enterprise', 19900, -1, true, true, true, 1,
   array['Unlimited competitors', 'Vector embeddings', '1h auto-scrape', 'Priority support'], 3);

create table pricewatch.subscriptions (
    tenant_id              uuid primary key references pricewatch.tenants (id) on delete cascade,
    plan_id                text not null default 'free' references pricewatch.plans (id),
    status                 text not null default 'active',
    stripe_customer_id     text unique,
    stripe_subscription_id text,
    current_period_end     timestamptz,
    cancel_at_period_end   boolean not null default false,
    last_event_at          timestamptz,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);

-- Stripe webhook idempotency: one row per event id, written in the transaction that applies the event
create table pricewatch.stripe_events (
    id           text primary key,
    type         text not null,
    tenant_id    uuid,
    created_at   timestamptz not null,
    processed_at timestamptz not null default now(),
    outcome      text not null
);

create table pricewatch.competitors (
    id         uuid primary key default gen_random_uuid(),
    tenant_id  uuid not null references pricewatch.tenants (id) on delete cascade,
    name       text not null,
    url        text not null,
    platform   text check (platform in ('shopify', 'generic')),   -- null: detect on first scrape
    is_active  boolean not null default true,
    last_scraped_at timestamptz,
    created_at timestamptz not null default now(),
    unique (tenant_id, url)
);

-- a competitor's product (one row per variant) as last scraped
create table pricewatch.product_tracking (
    id              uuid primary key default gen_random_uuid(),
    tenant_id       uuid not null references pricewatch.tenants (id) on delete cascade,
    competitor_id   uuid not null references pricewatch.competitors (id) on delete cascade,
    external_id     text not null,
    product_name    text not null,
    variant_title   text,
    url             text,
    sku             text,
    vendor          text,
    product_type    text,
    price           numeric(12, 2),
    in_stock        boolean,
    pack_quantity   int not null default 1,
    ppu             numeric(14, 4),
    attributes      jsonb,
    embedding       real[],
    first_seen_at   timestamptz not null default now(),
    last_scraped_at timestamptz not null default now(),
    unique (tenant_id, competitor_id, external_id)
);
create index product_tracking_competitor on pricewatch.product_tracking (competitor_id);

create table pricewatch.price_history (
    id          bigint generated always as identity primary key,
    tenant_id   uuid not null references pricewatch.tenants (id) on delete cascade,
    product_id  uuid not null references pricewatch.product_tracking (id) on delete cascade,
    price       numeric(12, 2) not null,
    recorded_at timestamptz not null default now()
);
create index price_history_product on pricewatch.price_history (product_id, id);
create index price_history_tenant on pricewatch.price_history (tenant_id, id);

-- the tenant's own catalog (synced from its Shopify store), one row per variant
create table pricewatch.brand_products (
    id                 uuid primary key default gen_random_uuid(),
    tenant_id          uuid not null references pricewatch.tenants (id) on delete cascade,
    shopify_product_id text,
    shopify_variant_id text not null,
    title              text not null,
    variant_title      text,
    sku                text,
    vendor             text,
    product_type       text,
    price              numeric(12, 2),
    pack_quantity      int not null default 1,
    ppu                numeric(14, 4),
    attributes         jsonb,
    embedding          real[],
    synced_at          timestamptz not null default now(),
    unique (tenant_id, shopify_variant_id)
);

create table pricewatch.product_matches (
    id                  uuid primary key default gen_random_uuid(),
    tenant_id           uuid not null references pricewatch.tenants (id) on delete cascade,
    brand_product_id    uuid not null references pricewatch.brand_products (id) on delete cascade,
    product_tracking_id uuid not null references pricewatch.product_tracking (id) on delete cascade,
    competitor_id       uuid not null references pricewatch.competitors (id) on delete cascade,
    confidence          numeric(5, 2) not null,
    method              text not null check (method in ('fuzzy', 'ai', 'hybrid')),
    session_id          uuid,
    created_at          timestamptz not null default now(),
    unique (brand_product_id, competitor_id)
);

create table pricewatch.scrape_sessions (
    id                 uuid primary key default gen_random_uuid(),
    tenant_id          uuid not null references pricewatch.tenants (id) on delete cascade,
    competitor_id      uuid references pricewatch.competitors (id) on delete set null,
    trigger            text not null default 'manual' check (trigger in ('manual', 'schedule')),
    status             text not null default 'running' check (status in ('running', 'completed', 'failed')),
    total_targets      int not null default 0,
    completed_targets  int not null default 0,
    successful_scrapes int not null default 0,
    failed_scrapes     int not null default 0,
    total_products     int not null default 0,
    error_message      text,
    job_id             bigint,
    started_at         timestamptz not null default now(),
    completed_at       timestamptz
);
create index scrape_sessions_tenant on pricewatch.scrape_sessions (tenant_id, started_at desc);

create table pricewatch.scrape_logs (
    id             bigint generated always as identity primary key,
    tenant_id      uuid not null references pricewatch.tenants (id) on delete cascade,
    session_id     uuid references pricewatch.scrape_sessions (id) on delete cascade,
    competitor_id  uuid references pricewatch.competitors (id) on delete set null,
    status         text not null check (status in ('success', 'failed', 'skipped')),
    platform       text,
    products_found int not null default 0,
    attempts       int not null default 1,
    duration_ms    int not null default 0,
    error_message  text,
    created_at     timestamptz not null default now()
);

create table pricewatch.sync_sessions (
    id              uuid primary key default gen_random_uuid(),
    tenant_id       uuid not null references pricewatch.tenants (id) on delete cascade,
    status          text not null default 'running' check (status in ('running', 'completed', 'failed')),
    shop_url        text,
    credential_source text not null,
    total_products  int not null default 0,
    products_synced int not null default 0,
    error_message   text,
    job_id          bigint,
    started_at      timestamptz not null default now(),
    completed_at    timestamptz
);

-- match, backfill, embed and validate runs
create table pricewatch.matching_sessions (
    id                uuid primary key default gen_random_uuid(),
    tenant_id         uuid not null references pricewatch.tenants (id) on delete cascade,
    kind              text not null check (kind in ('match', 'backfill', 'embed', 'validate')),
    method            text,
    status            text not null default 'running' check (status in ('running', 'completed', 'failed')),
    total_products    int not null default 0,
    processed         int not null default 0,
    matches_found     int not null default 0,
    engine            text,
    message           text,
    error_message     text,
    validation_report jsonb,
    job_id            bigint,
    started_at        timestamptz not null default now(),
    completed_at      timestamptz
);

create table pricewatch.alert_configs (
    tenant_id          uuid primary key references pricewatch.tenants (id) on delete cascade,
    enabled            boolean not null default true,
    threshold_percent  numeric(6, 2) not null default 5 check (threshold_percent > 0),
    notify_email       boolean not null default true,
    recipients         text[] not null default '{}',
    last_evaluated_id  bigint not null default 0,   -- price_history id up to which changes were evaluated
    last_evaluated_at  timestamptz,
    updated_at         timestamptz not null default now()
);

create table pricewatch.alert_history (
    id                  bigint generated always as identity primary key,
    tenant_id           uuid not null references pricewatch.tenants (id) on delete cascade,
    product_tracking_id uuid references pricewatch.product_tracking (id) on delete set null,
    competitor_id       uuid references pricewatch.competitors (id) on delete set null,
    price_history_id    bigint unique,
    product_name        text not null,
    competitor_name     text,
    old_price           numeric(12, 2) not null,
    new_price           numeric(12, 2) not null,
    change_percent      numeric(8, 2) not null,
    direction           text not null check (direction in ('up', 'down')),
    notified            boolean not null default false,
    created_at          timestamptz not null default now()
);
create index alert_history_tenant on pricewatch.alert_history (tenant_id, id desc);

create table pricewatch.scrape_schedules (
    tenant_id      uuid primary key references pricewatch.tenants (id) on delete cascade,
    enabled        boolean not null,
    interval_hours int not null check (interval_hours between 1 and 720),
    last_run_at    timestamptz,
    next_run_at    timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create table pricewatch.industry_profiles (
    id                       uuid primary key default gen_random_uuid(),
    tenant_id                uuid not null unique references pricewatch.tenants (id) on delete cascade,
    industry_slug            text not null default 'custom',
    industry_name            text not null default 'Custom',
    categories               jsonb not null default '[]',
    scoring_config           jsonb not null default '{}',
    search_terms             jsonb not null default '{}',
    size_equivalences        jsonb not null default '{}',
    hard_block_rules         jsonb not null default '[]',
    specialty_brands         jsonb not null default '{}',
    unit_types               jsonb not null default '[]',
    ai_extraction_categories jsonb not null default '[]',
    ai_matching_rules        jsonb not null default '[]',
    use_new_matcher          boolean not null default false,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now()
);

-- global, read-only for the API (written by migrations)
create table pricewatch.industry_templates (
    slug                     text primary key,
    name                     text not null,
    description              text not null,
    example_products         text[] not null,
    categories               jsonb not null,
    scoring_config           jsonb not null,
    search_terms             jsonb not null,
    size_equivalences        jsonb not null,
    hard_block_rules         jsonb not null,
    specialty_brands         jsonb not null,
    unit_types               jsonb not null,
    ai_extraction_categories jsonb not null,
    ai_matching_rules        jsonb not null,
    use_new_matcher          boolean not null,
    sort                     int not null
);

-- encrypted with SecretBox (AES-GCM, associated data binds each value to its tenant and field); never returned
create table pricewatch.tenant_credentials (
    tenant_id         uuid primary key references pricewatch.tenants (id) on delete cascade,
    shopify_url_enc   text,
    shopify_token_enc text,
    shopify_url_preview text,
    updated_at        timestamptz not null default now()
);

-- plan limit on competitors, whoever inserts them
create or replace function pricewatch.enforce_competitor_limit() returns trigger language plpgsql as $$
declare lim int; used int;
begin
    select coalesce((select p.competitors_limit from pricewatch.subscriptions s join pricewatch.plans p on p.id = s.plan_id
                     where s.tenant_id = new.tenant_id), (select competitors_limit from pricewatch.plans where id = 'free'))
      into lim;
    if lim >= 0 then
        select count(*) into used from pricewatch.competitors where tenant_id = new.tenant_id;
        if used >= lim then
            raise exception 'plan limit reached: % competitors allowed', lim using errcode = 'P0001', hint = 'competitor_limit';
        end if;
    end if;
    return new;
end $$;
create trigger competitors_plan_limit before insert on pricewatch.competitors
    for each row execute function pricewatch.enforce_competitor_limit();

-- row-level security
do $$
declare t text;
begin
    foreach t in array array['subscriptions', 'competitors', 'product_tracking', 'price_history', 'brand_products',
        'product_matches', 'scrape_sessions', 'scrape_logs', 'sync_sessions', 'matching_sessions', 'alert_configs',
        'alert_history', 'scrape_schedules', 'industry_profiles', 'tenant_credentials', 'user_tenants', 'team_invitations']
    loop
        execute format('alter table pricewatch.%I enable row level security', t);
        execute format('alter table pricewatch.%I force row level security', t);
        execute format('create policy tenant_isolation on pricewatch.%I using (tenant_id = pricewatch.current_tenant()) '
                       'with check (tenant_id = pricewatch.current_tenant())', t);
        if t <> 'tenant_credentials' then
            execute format('create policy platform_read on pricewatch.%I for select using (pricewatch.platform_scope())', t);
        end if;
    end loop;
end $$;
-- a signed-in user sees (and, when accepting an invitation, creates) their own membership
create policy own_membership on pricewatch.user_tenants
    using (user_id = pricewatch.current_user_id()) with check (user_id = pricewatch.current_user_id());
-- and the invitations addressed to their email
create policy own_invitations on pricewatch.team_invitations
    using (lower(email) = pricewatch.current_user_email()) with check (lower(email) = pricewatch.current_user_email());
-- the scheduler records its runs across tenants
create policy platform_write on pricewatch.scrape_schedules for update using (pricewatch.platform_scope());
