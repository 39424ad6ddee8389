-- Deletes the merchant's catalog and shopper rows (keeps merchant_info, credentials and search_results) and counts each table.
-- Runs only after the handler confirmed app.tenant_id equals @Merchant.
with prefs as (delete from shopper.user_preferences where merchant_id = @Merchant returning 1),
     greetings as (delete from shopper.user_greetings where merchant_id = @Merchant returning 1),
     synonyms as (delete from shopper.product_synonyms where merchant_id = @Merchant returning 1),
     products as (delete from shopper.products where merchant_id = @Merchant returning 1),
     pipeline as (delete from shopper.pipeline_status where merchant_id = @Merchant returning 1)
select (select count(*) from prefs) as "UserPreferences", (select count(*) from greetings) as "UserGreetings",
       (select count(*) from synonyms) as "ProductSynonyms", (select count(*) from products) as "Products",
       (select count(*) from pipeline) as "PipelineStatus";
