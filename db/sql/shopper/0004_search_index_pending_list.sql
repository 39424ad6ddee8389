-- GIN's fast-update pending list: inserts and non-HOT updates of products (ingest, every enrichment step) append their
-- search_vector entries to an unsorted list that every text search then scans whole, until a vacuum or an overflow of
-- gin_pending_list_limit (4MB by default) merges it into the index. After one bench ingest it held 16,000 entries and a
-- cache-miss search took ~130 ms instead of ~25 ms. So the list is kept small (256kB: inserts merge it more often), and
-- the enrichment pipeline merges it when an ingest's rows arrive and after its last write (shopper.flush_search_index).
alter index shopper.products_search set (gin_pending_list_limit = 256);

-- gin_clean_pending_list needs the index owner; the app role reaches it only through this function, which takes no input.
create function shopper.flush_search_index() returns bigint
language sql volatile security definer set search_path = pg_catalog, shopper as $$
    select gin_clean_pending_list('shopper.products_search'::regclass)
$$;

revoke all on function shopper.flush_search_index() from public;
