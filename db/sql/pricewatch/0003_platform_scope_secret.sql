-- The platform (cross-tenant, select-only) scope needs a server-held secret (issue 6 RLS review).
-- Before: any SQL run as the app role could `set_config('app.pw_scope', 'platform', true)` and read every tenant.
-- Now: the policies accept the scope only with a per-transaction token that pricewatch.enter_platform_scope(secret)
-- issues after checking the secret against a registered hash. The hashes live in a table the app role cannot read or
-- write (the API registers sha256(PriceWatch:PlatformScopeSecret) through the owner connection at first use), and the token
-- is sha256(hash : transaction id : backend pid), so it is useless outside the transaction that obtained it.

create table pricewatch.platform_scope_keys (
    secret_hash        text primary key,
    last_registered_at timestamptz not null default now()
);
alter table pricewatch.platform_scope_keys enable row level security;   -- no policy: invisible to non-owners even if granted
do $$
declare g record;
begin
    -- the schema's default privileges granted the app role CRUD on this new table: take them back
    for g in select distinct grantee from information_schema.role_table_grants
              where table_schema = 'pricewatch' and table_name = 'platform_scope_keys' and grantee <> current_user
    loop
        execute format('revoke all on pricewatch.platform_scope_keys from %I', g.grantee);
    end loop;
end $$;

create or replace function pricewatch.platform_token(hash text) returns text language sql stable
set search_path = pg_catalog as
$$ select encode(sha256(convert_to(hash || ':' || txid_current()::text || ':' || pg_backend_pid()::text, 'UTF8')), 'hex') $$;
revoke all on function pricewatch.platform_token(text) from public;
do $$
declare g record;
begin
    for g in select distinct grantee from information_schema.routine_privileges
              where routine_schema = 'pricewatch' and routine_name = 'platform_token' and grantee <> current_user
    loop
        execute format('revoke all on function pricewatch.platform_token(text) from %I', g.grantee);
    end loop;
end $$;

-- checks the secret, then marks this transaction (only) as platform scope
create or replace function pricewatch.enter_platform_scope(secret text) returns boolean language plpgsql volatile security definer
set search_path = pg_catalog, pricewatch as $$
declare h text := encode(sha256(convert_to(coalesce(secret, ''), 'UTF8')), 'hex');
begin
    if not exists (select 1 from pricewatch.platform_scope_keys k where k.secret_hash = h) then
        raise exception 'platform scope refused' using errcode = '42501';
    end if;
    perform set_config('app.pw_scope', 'platform', true);
    perform set_config('app.pw_scope_token', pricewatch.platform_token(h), true);
    return true;
end $$;

-- replaces the setting-only check of 0001: the token must be the one enter_platform_scope issued in this transaction
create or replace function pricewatch.platform_scope() returns boolean language sql stable security definer
set search_path = pg_catalog, pricewatch as $$
    select coalesce(current_setting('app.pw_scope_token', true), '') <> ''
       and exists (select 1 from pricewatch.platform_scope_keys k
                    where pricewatch.platform_token(k.secret_hash) = current_setting('app.pw_scope_token', true))
$$;

-- the policies evaluate the check once per statement (an init plan), not once per row
do $$
declare t text;
begin
    foreach t in array array['subscriptions', 'competitors', 'product_tracking', 'price_history', 'brand_products',
        'product_matches', 'scrape_sessions', 'scrape_logs', 'sync_sessions', 'matching_sessions', 'alert_configs',
        'alert_history', 'scrape_schedules', 'industry_profiles', 'user_tenants', 'team_invitations']
    loop
        execute format('drop policy platform_read on pricewatch.%I', t);
        execute format('create policy platform_read on pricewatch.%I for select using ((select pricewatch.platform_scope()))', t);
    end loop;
end $$;
drop policy platform_write on pricewatch.scrape_schedules;
create policy platform_write on pricewatch.scrape_schedules for update using ((select pricewatch.platform_scope()));
