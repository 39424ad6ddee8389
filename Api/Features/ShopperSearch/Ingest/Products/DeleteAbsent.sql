-- mode=replace: deletes the merchant's products that the payload did not contain.
delete from shopper.products p
where p.merchant_id = @Merchant and not exists (select from pg_temp.ingest_stage s where s.product_id = p.product_id);
