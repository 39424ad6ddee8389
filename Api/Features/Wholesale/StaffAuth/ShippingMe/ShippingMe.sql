-- An active staff user as the shipping portal shows it. No row: gone or deactivated.
select id as "Id", username::text as "Username", role as "Role", is_active as "IsActive"
from wholesale.staff_users where id = @Id and is_active;
