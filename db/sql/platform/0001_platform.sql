-- Shared platform tables: durable jobs, demo-seed bookkeeping, per-tenant settings (row-level security).

create table platform.jobs (
    id               bigint generated always as identity primary key,
    tenant_id        text,
    type             text        not null,
    payload          jsonb       not null default '{}',
    status           text        not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    attempts         int         not null default 0,
    max_attempts     int         not null default 5 check (max_attempts > 0),
    run_after        timestamptz not null default now(),
    locked_by        text,
    lease_until      timestamptz,
    progress_done    bigint      not null default 0,
    progress_total   bigint,
    progress_message text,
    last_error       text,
    result           jsonb,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    updated_at       timestamptz not null default now(),
    finished_at      timestamptz
);
-- what a worker looks for: due queued jobs and running jobs whose lease ran out
create index jobs_claimable on platform.jobs (run_after, id) where status = 'queued';
create index jobs_leased on platform.jobs (lease_until) where status = 'running';
create index jobs_tenant on platform.jobs (tenant_id, id);

create table platform.demo_seeds (
    name      text primary key,
    seeded_at timestamptz not null default now()
);

create table platform.tenant_settings (
    tenant_id  uuid        not null,
    key        text        not null,
    value      jsonb       not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, key)
);
alter table platform.tenant_settings enable row level security;
alter table platform.tenant_settings force row level security;
create policy tenant_isolation on platform.tenant_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
