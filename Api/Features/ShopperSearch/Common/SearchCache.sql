-- Serves a cached search: counts the hit (plus @Pending hits served from process memory since) and returns the stored response. No row: missing, expired or of an older catalog version.
update shopper.search_results s set hits = s.hits + 1 + @Pending, last_hit_at = now()
where s.merchant_id = @Merchant and s.operation_type = @Operation and s.cache_key = @CacheKey and s.expires_at > now()
  and s.catalog_version = coalesce((select m.catalog_version from shopper.merchant_info m where m.merchant_id = @Merchant), 0)
returning s.response::text as "Response", s.result_count as "ResultCount", s.hits as "Hits";
