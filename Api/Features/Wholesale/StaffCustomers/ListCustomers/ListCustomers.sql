-- One page of live customers matching the search, in the whitelisted order the handler puts at /*ORDER*/, with each
-- one's order count and spend (orders not cancelled).
select c.id as "Id", c.username::text as "Username", c.first_name as "FirstName", c.last_name as "LastName", c.email::text as "Email",
       c.company_name as "CompanyName", c.phone as "Phone", c.phone2 as "Phone2", c.shipping_address as "ShippingAddress",
       c.billing_address as "BillingAddress", c.preferred_language as "PreferredLanguage", c.do_not_call as "DoNotCall",
       c.created_at as "CreatedAt", (c.password_hash is not null) as "IsActive", c.kind as "Kind", c.store_credit as "StoreCredit",
       coalesce(s.order_count, 0) as "OrderCount", coalesce(s.total_spent, 0) as "TotalSpent"
from (
    select c.* from wholesale.customers c
    where c.deleted_at is null and c.merged_into is null
      and (cast(@Search as text) is null
           or wholesale.customer_search_text(c.first_name, c.last_name, c.company_name, c.email, c.phone, c.username) like @Search)
    order by /*ORDER*/
    limit @Limit offset @Offset
) c
left join lateral (
    select count(*) as order_count, sum(o.total_amount) as total_spent
    from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null and o.status <> 'cancelled'
) s on true
order by /*ORDER*/;
