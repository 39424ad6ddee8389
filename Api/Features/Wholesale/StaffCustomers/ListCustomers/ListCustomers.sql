-- One page of live customers, in the whitelisted order the handler puts at the ORDER marker, with each one's order count
-- and spend (orders not cancelled). With a search the handler puts Search.sql's condition at the SEARCH marker and
-- count(*) over () at the TOTAL marker, so one trigram scan gives both the page and the number of matches; without one
-- it puts nothing and null there and counts with CountCustomers.sql (an index-only count, the page read in index order).
-- The condition is only in the text when there is a search, so a prepared plan never has to serve both cases.
select c.id as "Id", c.username::text as "Username", c.first_name as "FirstName", c.last_name as "LastName", c.email::text as "Email",
       c.company_name as "CompanyName", c.phone as "Phone", c.phone2 as "Phone2", c.shipping_address as "ShippingAddress",
       c.billing_address as "BillingAddress", c.preferred_language as "PreferredLanguage", c.do_not_call as "DoNotCall",
       c.created_at as "CreatedAt", (c.password_hash is not null) as "IsActive", c.kind as "Kind", c.store_credit as "StoreCredit",
       coalesce(s.order_count, 0) as "OrderCount", coalesce(s.total_spent, 0) as "TotalSpent", p.total_count as "TotalCount"
from (
    -- only the sort keys go through the count and the sort (a search can match thousands of wide rows); the page's 50
    -- rows are read whole below
    select c.id, c.created_at, c.first_name, c.last_name, c.company_name, c.email, c.username, /*TOTAL*/ as total_count
    from wholesale.customers c
    where c.deleted_at is null and c.merged_into is null /*SEARCH*/
    order by /*ORDER*/
    limit @Limit offset @Offset
) p
join wholesale.customers c on c.id = p.id
left join lateral (
    select count(*) as order_count, sum(o.total_amount) as total_spent
    from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null and o.status <> 'cancelled'
) s on true
order by /*ORDER*/;
