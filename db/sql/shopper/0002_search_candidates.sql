-- Text search that can use its index under row-level security.
-- PostgreSQL never evaluates a qual whose operator is not leakproof before a row-level-security policy's filter, and @@
-- (ts_match_vq) is not leakproof, so with the policy applied every text search scanned all of the merchant's rows. The
-- candidate retrieval therefore runs in a SECURITY DEFINER function owned by the table owner, which takes the merchant
-- only from app.tenant_id (the same setting the policies read; no tenant, no rows) and filters by it itself, so one GIN
-- index serves both the merchant filter and the tsquery. For the owner to be exempt from the policy inside that function,
-- products keeps row-level security enabled but no longer forced; the app role is not the owner, so every other read and
-- write of products by the API stays under the policy.

-- btree_gin lets one GIN index hold the merchant next to the search vector; without it the function still works, using the
-- plain search-vector index and rechecking the merchant.
do $$
begin
    if exists (select from pg_available_extensions where name = 'btree_gin') then
        create extension if not exists btree_gin with schema public;
    end if;
end $$;

alter table shopper.products no force row level security;

drop index if exists shopper.products_search;
do $$
begin
    if exists (select from pg_extension where extname = 'btree_gin') then
        -- "merchant_id + 0": the expression keeps the planner from preferring the (merchant_id, price) btree and scanning
        -- all of the merchant's rows, and makes this index the only one matching the function's merchant filter
        create index products_search on shopper.products using gin ((merchant_id + 0), search_vector)
            where status = 'active' and display_flag;
    else
        create index products_search on shopper.products using gin (search_vector) where status = 'active' and display_flag;
    end if;
end $$;

-- Candidates of the current tenant's text search, in tiers that each run only when the previous found fewer than p_limit
-- rows: rows matching every term (p_all), rows matching at least two terms (p_some), rows matching any term (p_any). Only
-- active, displayed rows in the price range and gender filter. Within a tier the rows kept (at most p_cap, p_any_cap for
-- the last tier) are the best by the cheap ts_rank; only for those are the ranking signals computed: ts_rank_cd (weights
-- {0.1, 0.25, 0.5, 1.0}) against p_any and how many of p_terms (one tsquery per query term) the row matches.
create function shopper.search_candidates(p_any tsquery, p_all tsquery, p_some tsquery, p_terms tsquery[],
                                          p_min_price float8, p_max_price float8, p_genders text[],
                                          p_limit int, p_cap int, p_any_cap int)
returns table (id bigint, rank real, matched int)
language plpgsql stable security definer set search_path = pg_catalog, shopper as $$
declare
    v_merchant bigint := nullif(current_setting('app.tenant_id', true), '')::bigint;
    v_found bigint := 0;
    v_n bigint;
begin
    if v_merchant is null or p_any is null then
        return;
    end if;
    if p_all is not null then
        return query
            select k.id, ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', k.search_vector, p_any),
                   (select count(*) from unnest(p_terms) t where k.search_vector @@ t)::int
            from (select p.id, p.search_vector
                  from shopper.products p
                  where (p.merchant_id + 0) = v_merchant and p.status = 'active' and p.display_flag and p.search_vector @@ p_all
                    and (p_min_price is null or p.price_numeric >= p_min_price)
                    and (p_max_price is null or p.price_numeric <= p_max_price)
                    and (coalesce(cardinality(p_genders), 0) = 0 or p.gender = any (p_genders))
                  order by ts_rank(p.search_vector, p_any) desc, p.id
                  limit p_cap) k;
        get diagnostics v_n = row_count;
        v_found := v_found + v_n;
    end if;
    if v_found < p_limit and p_some is not null then
        return query
            select k.id, ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', k.search_vector, p_any),
                   (select count(*) from unnest(p_terms) t where k.search_vector @@ t)::int
            from (select p.id, p.search_vector
                  from shopper.products p
                  where (p.merchant_id + 0) = v_merchant and p.status = 'active' and p.display_flag and p.search_vector @@ p_some
                    and not (p_all is not null and p.search_vector @@ p_all)
                    and (p_min_price is null or p.price_numeric >= p_min_price)
                    and (p_max_price is null or p.price_numeric <= p_max_price)
                    and (coalesce(cardinality(p_genders), 0) = 0 or p.gender = any (p_genders))
                  order by ts_rank(p.search_vector, p_any) desc, p.id
                  limit p_cap) k;
        get diagnostics v_n = row_count;
        v_found := v_found + v_n;
    end if;
    if v_found < p_limit then
        return query
            select k.id, ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', k.search_vector, p_any),
                   (select count(*) from unnest(p_terms) t where k.search_vector @@ t)::int
            from (select p.id, p.search_vector
                  from shopper.products p
                  where (p.merchant_id + 0) = v_merchant and p.status = 'active' and p.display_flag and p.search_vector @@ p_any
                    and not (p_all is not null and p.search_vector @@ p_all)
                    and not (p_some is not null and p.search_vector @@ p_some)
                    and (p_min_price is null or p.price_numeric >= p_min_price)
                    and (p_max_price is null or p.price_numeric <= p_max_price)
                    and (coalesce(cardinality(p_genders), 0) = 0 or p.gender = any (p_genders))
                  order by ts_rank(p.search_vector, p_any) desc, p.id
                  limit p_any_cap) k;
        get diagnostics v_n = row_count;
        v_found := v_found + v_n;
    end if;
end $$;

revoke all on function shopper.search_candidates(tsquery, tsquery, tsquery, tsquery[], float8, float8, text[], int, int, int) from public;
