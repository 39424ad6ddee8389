select id as "Id", username::text as "Username",
       coalesce(nullif(trim(concat_ws(' ', first_name, last_name)), ''), username::text) as "FullName",
       email::text as "Email", is_active as "IsActive", commission_rate as "CommissionRate"
from wholesale.staff_users
where role = 'sales_rep' and (is_active or @IncludeInactive)
order by lower(coalesce(nullif(trim(concat_ws(' ', first_name, last_name)), ''), username::text)), id;
