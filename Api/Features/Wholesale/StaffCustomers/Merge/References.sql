-- Every single-column foreign key that references wholesale.customers(id): the table (schema-qualified, quoted), the column,
-- and whether a unique index includes that column (then rows move one by one and the survivor's row wins a collision).
select format('%I.%I', n.nspname, t.relname) as "Table", a.attname::text as "Column",
       exists (select from pg_index i where i.indrelid = c.conrelid and i.indisunique and a.attnum = any(i.indkey)) as "RowByRow"
from pg_constraint c
join pg_class t on t.oid = c.conrelid
join pg_namespace n on n.oid = t.relnamespace
join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
where c.contype = 'f' and c.confrelid = 'wholesale.customers'::regclass and array_length(c.conkey, 1) = 1
order by 1, 2;
