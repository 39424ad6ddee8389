-- Highest price and count of the merchant's active products (0 and 0 for an empty catalog).
select coalesce(max(price_numeric), 0) as "MaxPrice", count(*) as "ProductCount"
from shopper.products where merchant_id = @Merchant and status = 'active';
