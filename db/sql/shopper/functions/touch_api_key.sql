-- shopper.touch_api_key: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_shopper.sql.
create or replace function shopper.touch_api_key(p_id bigint)
returns void language sql security definer set search_path = pg_catalog, shopper as $$
    update shopper.api_keys set last_used_at = now() where id = p_id and (last_used_at is null or last_used_at < now() - interval '1 minute')
$$;
