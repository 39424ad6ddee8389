-- Random active products of the merchant, those matching the shopper's colours or materials first. Then (when the profile has
-- preferences) remembers the ids as product_ids, and logs the greeting.
select p.id as "Id", p.product_id as "ProductId", p.product_name as "ProductName", p.price_numeric as "PriceNumeric", p.image1 as "Image1"
from shopper.products p
where p.merchant_id = @Merchant and p.status = 'active' and p.display_flag
order by (case when @Signals = '' then 0 when p.search_vector @@ to_tsquery('english', @Signals) then 1 else 0 end) + random() * 0.9 desc
limit @Limit;
