-- Live customers grouped by primary phone (stored in E.164, so "(312) 555-0101" and "+1 312 555 0101" are one number),
-- groups of two or more, largest first; each member with its order count, oldest account first (the usual keeper).
with dup as (
    select phone from wholesale.customers
    where phone is not null and deleted_at is null and merged_into is null
    group by phone having count(*) > 1
)
select coalesce(json_agg(g order by g.count desc, g.phone), '[]')::text
from (
    select d.phone, count(*) as count,
           json_agg(json_build_object(
               'id', c.id, 'username', c.username, 'first_name', c.first_name, 'last_name', c.last_name,
               'company_name', c.company_name, 'email', c.email, 'phone', c.phone, 'kind', c.kind, 'created_at', c.created_at,
               'order_count', (select count(*) from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null))
               order by c.created_at, c.id) as customers
    from dup d join wholesale.customers c on c.phone = d.phone and c.deleted_at is null and c.merged_into is null
    group by d.phone
) g;
