-- Active sales reps and admins, by name.
select id as "Id", coalesce(nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), ''), username::text) as "FullName",
       username::text as "Username", role as "Role"
from wholesale.staff_users
where is_active and role in ('sales_rep', 'admin')
order by 2, id;
