-- Stores (or refreshes) a search result for 7 days against the merchant's current catalog version.
insert into shopper.search_results (merchant_id, operation_type, cache_key, catalog_version, result_count, response, hits, expires_at)
values (@Merchant, @Operation, @CacheKey,
        coalesce((select m.catalog_version from shopper.merchant_info m where m.merchant_id = @Merchant), 0),
        @ResultCount, cast(@Response as json), 0, now() + interval '7 days')
on conflict (merchant_id, operation_type, cache_key) do update
set catalog_version = excluded.catalog_version, result_count = excluded.result_count, response = excluded.response,
    hits = 0, created_at = now(), last_hit_at = null, expires_at = excluded.expires_at;
