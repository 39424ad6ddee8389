-- AdPriority: Shopify stores (tenants), their product cache, scoring configuration, scores, sync history, webhook
-- deliveries and feed tokens.
--
-- adpriority.tenants is the tenant directory itself: session-token auth, OAuth installs, webhooks and the schedulers
-- resolve a shop domain to its tenant id before any tenant context exists, so it carries no row-level security; every
-- query against it filters on id or shop_domain explicitly. oauth_nonces and webhook_deliveries are pre-tenant
-- bookkeeping (no tenant data). Every other table is tenant-owned: RLS keyed on app.tenant_id, plus explicit filters.

create table adpriority.tenants (
    id                    uuid        primary key default gen_random_uuid(),
    shop_domain           text        not null unique check (shop_domain ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'),
    access_token_enc      text,                        -- SecretBox ciphertext of the offline Admin API token
    scopes                text        not null default '',
    plan_tier             text        not null default 'starter' check (plan_tier in ('starter', 'growth', 'pro')),
    billing_status        text        not null default 'none' check (billing_status in ('none', 'pending', 'active', 'cancelled')),
    billing_activated_at  timestamptz,
    trial_ends_at         timestamptz,
    status                text        not null default 'active' check (status in ('active', 'suspended', 'uninstalled')),
    timezone              text        not null default 'UTC',
    gmc_merchant_id       text,
    google_sheet_id       text,
    default_priority      int         not null default 3 check (default_priority between 0 and 5),
    new_arrival_days      int         not null default 14 check (new_arrival_days between 0 and 365),
    new_arrival_priority  int         not null default 5 check (new_arrival_priority between 0 and 5),
    sync_frequency        text        not null default 'daily' check (sync_frequency in ('manual', 'hourly', 'daily', 'weekly')),
    current_season        text,                        -- the season the scores were last calculated for
    last_shopify_sync_at  timestamptz,
    last_sheet_sync_at    timestamptz,
    installed_at          timestamptz not null default now(),
    uninstalled_at        timestamptz,
    delete_after          timestamptz,                 -- set by app/uninstalled: data is purged 48 h later
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index tenants_delete_after on adpriority.tenants (delete_after) where delete_after is not null;

create table adpriority.oauth_nonces (
    nonce       text        primary key,
    shop_domain text        not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create table adpriority.webhook_deliveries (
    webhook_id  text        primary key,              -- X-Shopify-Webhook-Id (or a body hash when absent)
    shop_domain text        not null,
    topic       text        not null,
    received_at timestamptz not null default now(),
    job_id      bigint
);
create index webhook_deliveries_shop on adpriority.webhook_deliveries (shop_domain);

create table adpriority.subscriptions (
    id           uuid        primary key default gen_random_uuid(),
    tenant_id    uuid        not null references adpriority.tenants (id) on delete cascade,
    charge_id    bigint      not null,
    plan         text        not null check (plan in ('starter', 'growth', 'pro')),
    price        numeric(10, 2) not null,
    trial_days   int         not null default 0,
    status       text        not null default 'pending' check (status in ('pending', 'active', 'declined', 'replaced', 'cancelled')),
    created_at   timestamptz not null default now(),
    activated_at timestamptz,
    unique (tenant_id, charge_id)
);

create table adpriority.products (
    id                     uuid        primary key default gen_random_uuid(),
    tenant_id              uuid        not null references adpriority.tenants (id) on delete cascade,
    shopify_product_id     bigint      not null,
    title                  text        not null,
    product_type           text        not null default '',
    vendor                 text        not null default '',
    tags                   text[]      not null default '{}',
    status                 text        not null default 'active' check (status in ('active', 'archived', 'draft')),
    shopify_created_at     timestamptz not null default now(),
    shopify_updated_at     timestamptz not null default now(),
    -- product-level summary of its variants' scores, maintained by the recalculator (max priority, any override)
    priority               int,
    priority_override      boolean     not null default false,
    priority_calculated_at timestamptz,
    deleted_at             timestamptz,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    unique (tenant_id, shopify_product_id)
);
create index products_list on adpriority.products (tenant_id, status, title) where deleted_at is null;
create index products_type on adpriority.products (tenant_id, product_type) where deleted_at is null;

create table adpriority.variants (
    id                 uuid        primary key default gen_random_uuid(),
    tenant_id          uuid        not null references adpriority.tenants (id) on delete cascade,
    product_id         uuid        not null references adpriority.products (id) on delete cascade,
    shopify_variant_id bigint      not null,
    title              text        not null default '',
    sku                text        not null default '',
    price              numeric(12, 2) not null default 0,
    inventory_quantity int         not null default 0,
    deleted_at         timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    unique (tenant_id, shopify_variant_id)
);
create index variants_product on adpriority.variants (product_id);

create table adpriority.category_rules (
    id                   uuid        primary key default gen_random_uuid(),
    tenant_id            uuid        not null references adpriority.tenants (id) on delete cascade,
    product_type_pattern text        not null check (length(product_type_pattern) between 1 and 255),
    season               text        check (season in ('winter', 'spring', 'summer', 'fall')),
    base_priority        int         not null check (base_priority between 0 and 5),
    modifiers            jsonb       not null default '{}',
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create unique index category_rules_unique on adpriority.category_rules (tenant_id, lower(product_type_pattern), coalesce(season, ''));

create table adpriority.tag_modifiers (
    id         uuid        primary key default gen_random_uuid(),
    tenant_id  uuid        not null references adpriority.tenants (id) on delete cascade,
    tag        text        not null,
    adjustment int         check (adjustment between -5 and 5),
    override   int         check (override between 0 and 5),
    created_at timestamptz not null default now(),
    check (adjustment is not null or override is not null)
);
create unique index tag_modifiers_unique on adpriority.tag_modifiers (tenant_id, lower(tag));

create table adpriority.seasons (
    id          uuid        primary key default gen_random_uuid(),
    tenant_id   uuid        not null references adpriority.tenants (id) on delete cascade,
    season      text        not null check (season in ('winter', 'spring', 'summer', 'fall')),
    name        text        not null,
    start_month int         not null check (start_month between 1 and 12),
    end_month   int         not null check (end_month between 1 and 12),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (tenant_id, season)
);

create table adpriority.season_category_overrides (
    tenant_id uuid not null references adpriority.tenants (id) on delete cascade,
    season_id uuid not null references adpriority.seasons (id) on delete cascade,
    category  text not null,
    priority  int  not null check (priority between 0 and 5),
    primary key (season_id, category)
);

create table adpriority.priority_scores (
    variant_id      uuid        primary key references adpriority.variants (id) on delete cascade,
    tenant_id       uuid        not null references adpriority.tenants (id) on delete cascade,
    product_id      uuid        not null references adpriority.products (id) on delete cascade,
    priority        int         not null check (priority between 0 and 5),
    label0          text        not null,
    label1          text        not null,
    label2          text        not null,
    label3          text        not null,
    label4          text        not null,
    is_override     boolean     not null default false,   -- locked: recalculation skips it unless includeOverrides
    override_reason text,
    calculated_at   timestamptz not null default now()
);
create index priority_scores_list on adpriority.priority_scores (tenant_id, priority);
create index priority_scores_product on adpriority.priority_scores (product_id);

create table adpriority.sync_logs (
    id              uuid        primary key default gen_random_uuid(),
    tenant_id       uuid        not null references adpriority.tenants (id) on delete cascade,
    sync_type       text        not null check (sync_type in ('shopify', 'gmc', 'sheet')),
    mode            text        not null default 'full',
    status          text        not null default 'started' check (status in ('started', 'completed', 'failed')),
    products_synced int         not null default 0,
    errors          jsonb       not null default '[]',
    job_id          bigint,
    started_at      timestamptz not null default now(),
    completed_at    timestamptz
);
create index sync_logs_list on adpriority.sync_logs (tenant_id, started_at desc);
-- at most one running sync of each kind per tenant: the second insert is SYNC_IN_PROGRESS
create unique index sync_logs_one_running on adpriority.sync_logs (tenant_id, sync_type) where status = 'started';

create table adpriority.feed_tokens (
    id           uuid        primary key default gen_random_uuid(),
    tenant_id    uuid        not null references adpriority.tenants (id) on delete cascade,
    token_hash   text        not null unique,            -- SHA-256 of the secret in the feed URL; the secret is shown once
    token_prefix text        not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);
create index feed_tokens_tenant on adpriority.feed_tokens (tenant_id);

do $$
declare t text;
begin
    foreach t in array array['subscriptions', 'products', 'variants', 'category_rules', 'tag_modifiers', 'seasons',
                             'season_category_overrides', 'priority_scores', 'sync_logs']
    loop
        execute format('alter table adpriority.%I enable row level security', t);
        execute format('alter table adpriority.%I force row level security', t);
        execute format($p$create policy tenant_isolation on adpriority.%I
            using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    end loop;
end $$;

-- feed tokens: the tenant's own rows, or the single row whose hash the anonymous feed request presents
alter table adpriority.feed_tokens enable row level security;
alter table adpriority.feed_tokens force row level security;
create policy tenant_isolation on adpriority.feed_tokens
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           or token_hash = nullif(current_setting('app.feed_token_hash', true), ''))
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
