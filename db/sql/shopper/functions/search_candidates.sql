-- shopper.search_candidates: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0005_search_subset_tiers.sql.
create or replace function shopper.search_candidates(p_any tsquery, p_all tsquery, p_pairs tsquery[], p_terms tsquery[],
                                                     p_min_price float8, p_max_price float8, p_genders text[],
                                                     p_limit int, p_cap int, p_any_cap int)
returns table (id bigint, rank real, matched int)
language plpgsql stable security definer set search_path = pg_catalog, shopper as $$
declare
    v_merchant bigint := nullif(current_setting('app.tenant_id', true), '')::bigint;
    v_found bigint := 0;
    v_n bigint;
    v_or text;
    v_seen tsquery := p_all;     -- rows matching this came in an earlier tier
    v_len int := coalesce(cardinality(p_pairs), 0);
    v_i int := 1;
    v_j int;
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
    while v_found < p_limit and v_i <= v_len loop
        v_j := v_i;
        while v_j <= v_len and p_pairs[v_j] is not null loop
            v_j := v_j + 1;
        end loop;
        if v_j > v_i then
            -- one "@@ subset" predicate per subset, so the planner ORs one bitmap index scan per subset: GIN intersects the
            -- posting lists of an AND query cheaply, but an OR of ANDs makes it walk the union of every term's postings.
            -- The statement text holds only subscripts.
            select string_agg(format('p.search_vector @@ $1[%s]', s), ' or ') into v_or from generate_series(v_i, v_j - 1) s;
            return query execute format($q$
                select k.id, ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', k.search_vector, $2),
                       (select count(*) from unnest($3) t where k.search_vector @@ t)::int
                from (select p.id, p.search_vector
                      from shopper.products p
                      where (p.merchant_id + 0) = $4 and p.status = 'active' and p.display_flag and (%s)
                        and not ($5::tsquery is not null and p.search_vector @@ $5)
                        and ($6::float8 is null or p.price_numeric >= $6)
                        and ($7::float8 is null or p.price_numeric <= $7)
                        and (coalesce(cardinality($8::text[]), 0) = 0 or p.gender = any ($8))
                      order by ts_rank(p.search_vector, $2) desc, p.id
                      limit $9) k $q$, v_or)
                using p_pairs, p_any, p_terms, v_merchant, v_seen, p_min_price, p_max_price, p_genders, p_cap;
            get diagnostics v_n = row_count;
            v_found := v_found + v_n;
            for s in v_i .. v_j - 1 loop
                v_seen := case when v_seen is null then p_pairs[s] else v_seen || p_pairs[s] end;
            end loop;
        end if;
        v_i := v_j + 1;
    end loop;
    if v_found < p_limit then
        return query
            select k.id, ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', k.search_vector, p_any),
                   (select count(*) from unnest(p_terms) t where k.search_vector @@ t)::int
            from (select p.id, p.search_vector
                  from shopper.products p
                  where (p.merchant_id + 0) = v_merchant and p.status = 'active' and p.display_flag and p.search_vector @@ p_any
                    and not (v_seen is not null and p.search_vector @@ v_seen)
                    and (p_min_price is null or p.price_numeric >= p_min_price)
                    and (p_max_price is null or p.price_numeric <= p_max_price)
                    and (coalesce(cardinality(p_genders), 0) = 0 or p.gender = any (p_genders))
                  order by ts_rank(p.search_vector, p_any) desc, p.id
                  limit p_any_cap) k;
    end if;
end $$;
revoke all on function shopper.search_candidates(tsquery, tsquery, tsquery[], tsquery[], float8, float8, text[], int, int, int) from public;
