-- The newest script version with its author's name. No row: no script saved yet.
select v.content as "Content",
       coalesce(nullif(trim(coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, '')), ''), s.username::text) as "UpdatedBy",
       v.updated_by as "UpdatedById", v.updated_at as "UpdatedAt",
       (select count(*)::int from wholesale.call_script_versions) as "Version"
from wholesale.call_script_versions v
left join wholesale.staff_users s on s.id = v.updated_by
order by v.id desc
limit 1;
