-- The staff user with this username, else with this email. No row: unknown.
select id as "Id", username::text as "Username", email::text as "Email", first_name as "FirstName", last_name as "LastName",
       role as "Role", is_active as "IsActive", password_hash as "PasswordHash"
from wholesale.staff_users
where username = cast(@Username as citext) or email = cast(@Username as citext)
order by (username = cast(@Username as citext)) desc, id
limit 1;
