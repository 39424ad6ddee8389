-- The live login account with this username, else with this email. No row: no such account.
select id as "Id", password_hash as "PasswordHash", email_verified as "EmailVerified"
from wholesale.customers
where deleted_at is null and password_hash is not null
  and (username = cast(@Username as citext) or email = cast(@Username as citext))
order by (username = cast(@Username as citext)) desc, id
limit 1;
