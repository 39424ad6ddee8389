-- The merchant's catalog version (0 before any catalog write); cached search results of other versions are stale.
select coalesce((select catalog_version from shopper.merchant_info where merchant_id = @Merchant), 0);
