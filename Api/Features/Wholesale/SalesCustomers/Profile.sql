-- One live customer by id, or (id null) the live non-guest customer with that phone (main or second), oldest account first.
select c.id as "Id", c.first_name as "FirstName", c.last_name as "LastName",
       nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "FullName", c.company_name as "CompanyName",
       c.email::text as "Email", c.phone as "Phone", c.phone2 as "Phone2", c.shipping_address as "ShippingAddress",
       c.billing_address as "BillingAddress", c.preferred_language as "PreferredLanguage", c.payment_terms as "PaymentTerms",
       c.kind as "Kind", c.sales_rep_id as "SalesRepId", c.created_at as "CreatedAt",
       (select count(*) from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null) as "OrderCount",
       coalesce((select sum(o.total_amount) from wholesale.orders o
                  where o.customer_id = c.id and o.deleted_at is null and o.status <> 'cancelled'), 0) as "TotalSpent"
from wholesale.customers c
where c.deleted_at is null and c.merged_into is null
  and (c.id = @CustomerId or (@CustomerId is null and (c.phone = @Phone or c.phone2 = @Phone) and c.kind <> 'guest'))
order by c.id
limit 1;
