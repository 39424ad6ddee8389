-- pricewatch.enter_platform_scope: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0003_platform_scope_secret.sql.
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
