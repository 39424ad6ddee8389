-- One page of website-registered customer accounts, newest first.
select c.id as "Id", c.username::text as "Username", c.email::text as "Email", c.first_name as "FirstName", c.last_name as "LastName",
       c.company_name as "CompanyName", c.phone as "Phone", c.email_verified as "EmailVerified", c.created_at as "CreatedAt",
       c.last_login_at as "LastLoginAt"
from wholesale.customers c
where c.kind = 'account' and c.password_hash is not null and c.deleted_at is null and c.merged_into is null
  and (cast(@Search as text) is null
       or wholesale.customer_search_text(c.first_name, c.last_name, c.company_name, c.email, c.phone, c.username) like @Search)
order by c.created_at desc, c.id desc
limit @Limit offset @Offset;
