-- One live customer (not deleted, not merged into another) with their order count and spend (orders not cancelled).
select c.id as "Id", c.username::text as "Username", c.first_name as "FirstName", c.last_name as "LastName", c.email::text as "Email",
       c.company_name as "CompanyName", c.phone as "Phone", c.phone2 as "Phone2", c.shipping_address as "ShippingAddress",
       c.billing_address as "BillingAddress", c.preferred_language as "PreferredLanguage", c.do_not_call as "DoNotCall",
       c.created_at as "CreatedAt", (c.password_hash is not null) as "IsActive", c.kind as "Kind", c.store_credit as "StoreCredit",
       coalesce(s.order_count, 0) as "OrderCount", coalesce(s.total_spent, 0) as "TotalSpent"
from wholesale.customers c
left join lateral (
    select count(*) as order_count, sum(o.total_amount) as total_spent
    from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null and o.status <> 'cancelled'
) s on true
where c.id = @Id and c.deleted_at is null and c.merged_into is null;
