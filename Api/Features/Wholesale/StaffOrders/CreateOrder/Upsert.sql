-- upsert_customer: the live customer with this phone (E.164), else with this email, else a new 'guest' customer.
with found as (
    select id from (
        select c.id, 1 as rank from wholesale.customers c
         where @Phone::text is not null and c.phone = @Phone and c.deleted_at is null and c.merged_into is null
        union all
        select c.id, 2 from wholesale.customers c
         where @Email::text is not null and c.email = @Email::citext and c.deleted_at is null and c.merged_into is null
    ) x order by rank, id limit 1
), created as (
    insert into wholesale.customers (kind, email, first_name, last_name, company_name, phone, shipping_address)
    select 'guest', @Email, @FirstName, @LastName, @Company, @Phone, @Address
    where not exists (select from found)
    returning id
)
select id from found union all select id from created;
