-- The buyer (locked like the core's terms check, so two net-30 orders cannot spend the same credit) and their unpaid net-30 balance.
select c.id as "Id", nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "Name", c.first_name as "FirstName",
       c.last_name as "LastName", c.company_name as "Company", c.email::text as "Email", c.phone as "Phone",
       c.shipping_address as "ShippingAddress", c.billing_address as "BillingAddress",
       c.account_approved as "Approved", c.payment_terms as "Terms", c.credit_limit as "CreditLimit",
       exists (select 1 from wholesale.customer_ach a where a.customer_id = c.id) as "HasAch",
       coalesce((select sum(o.total_amount - o.amount_paid)
                   from wholesale.orders o
                  where o.customer_id = c.id and o.payment_method = 'net30' and o.status <> 'cancelled'
                    and o.deleted_at is null and o.payment_status not in ('paid', 'refunded')), 0) as "Unpaid"
from wholesale.customers c
where c.id = @CustomerId and c.deleted_at is null and c.merged_into is null
for no key update of c;
