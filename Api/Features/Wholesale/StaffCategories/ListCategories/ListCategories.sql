-- Live categories by name (case-insensitive, then id), each with its number of live products (active or not).
select c.id as "Id", c.name as "Name", c.description as "Description", c.sort_order as "SortOrder",
       (select count(*) from wholesale.products p where p.category_id = c.id and p.deleted_at is null) as "ProductCount",
       c.created_at as "CreatedAt"
from wholesale.categories c
where c.deleted_at is null
order by lower(c.name), c.id;
