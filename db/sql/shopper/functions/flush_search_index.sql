-- shopper.flush_search_index: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0004_search_index_pending_list.sql.
create or replace function shopper.flush_search_index() returns bigint
language sql volatile security definer set search_path = pg_catalog, shopper as $$
    select gin_clean_pending_list('shopper.products_search'::regclass)
$$;
revoke all on function shopper.flush_search_index() from public;
