-- Live customers already holding one of the file's emails ($1, lower case) or E.164 phones ($2).
select lower(c.email::text), c.phone
from wholesale.customers c
where c.deleted_at is null and (c.email = any(cast($1 as citext[])) or c.phone = any($2));
