-- pricewatch.platform_token: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0003_platform_scope_secret.sql.
create or replace function pricewatch.platform_token(hash text) returns text language sql stable
set search_path = pg_catalog as
$$ select encode(sha256(convert_to(hash || ':' || txid_current()::text || ':' || pg_backend_pid()::text, 'UTF8')), 'hex') $$;
revoke all on function pricewatch.platform_token(text) from public;
