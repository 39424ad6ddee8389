-- Whether a fresh cached search exists, without counting a hit. No row: a miss.
select s.result_count as "ResultCount", s.hits as "Hits"
from shopper.search_results s
where s.merchant_id = @Merchant and s.operation_type = @Operation and s.cache_key = @CacheKey and s.expires_at > now()
  and s.catalog_version = coalesce((select m.catalog_version from shopper.merchant_info m where m.merchant_id = @Merchant), 0);
