-- An active staff user's profile (role from the database, never from a token). No row: gone or deactivated.
select id as "Id", username::text as "Username", email::text as "Email", first_name as "FirstName", last_name as "LastName", role as "Role"
from wholesale.staff_users where id = @Id and is_active;
