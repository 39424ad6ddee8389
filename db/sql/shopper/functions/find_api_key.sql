-- shopper.find_api_key: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_shopper.sql.
create or replace function shopper.find_api_key(p_hash text)
returns table (id bigint, merchant_id bigint, environment text, revoked boolean)
language sql stable security definer set search_path = pg_catalog, shopper as $$
    select k.id, k.merchant_id, k.environment, k.revoked_at is not null from shopper.api_keys k where k.key_hash = p_hash
$$;
