-- pricewatch.platform_scope: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0003_platform_scope_secret.sql.
create or replace function pricewatch.platform_scope() returns boolean language sql stable security definer
set search_path = pg_catalog, pricewatch as $$
    select coalesce(current_setting('app.pw_scope_token', true), '') <> ''
       and exists (select 1 from pricewatch.platform_scope_keys k
                    where pricewatch.platform_token(k.secret_hash) = current_setting('app.pw_scope_token', true))
$$;
