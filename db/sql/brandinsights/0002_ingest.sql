-- Ingest of crawler menu snapshots (POST v1/ingest/menu-snapshots): one row per crawl for idempotency, and
-- dispensaries identified by name so a crawl can create them.

create unique index dispensaries_name on brandinsights.dispensaries (name);

create table brandinsights.crawls (
    crawl_id    text        primary key,
    ingest_key  bigint      references brandinsights.ingest_keys (id),
    received_at timestamptz not null default now(),
    result      jsonb       not null
);
