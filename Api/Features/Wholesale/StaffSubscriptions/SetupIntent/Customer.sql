-- The customer (live) and their linked Stripe customer, if any. No row: no such customer.
select c.id as "Id", c.email::text as "Email", nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "Name",
       c.company_name as "Company", x.stripe_customer_id as "StripeCustomerId"
from wholesale.customers c left join wholesale.stripe_customers x on x.customer_id = c.id
where c.id = @UserId and c.deleted_at is null and c.merged_into is null;
