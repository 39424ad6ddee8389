-- The live customer and the live, active product (by SKU, case-insensitive), and which customer the Stripe customer id is
-- already linked to. Always one row.
select (select c.id from wholesale.customers c where c.id = @UserId and c.deleted_at is null and c.merged_into is null) as "CustomerId",
       (select p.id from wholesale.products p where lower(p.sku) = lower(@Sku) and p.deleted_at is null and p.is_active) as "ProductId",
       (select x.customer_id from wholesale.stripe_customers x where x.stripe_customer_id = @StripeCustomerId) as "LinkedTo";
