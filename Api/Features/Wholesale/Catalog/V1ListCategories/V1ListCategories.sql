-- Live categories in display order, each with its count of live products (products_live_category_id, index only).
select c.id as "Id", c.name as "Name", c.description as "Description",
       (select count(*) from wholesale.products p where p.category_id = c.id and p.deleted_at is null) as "ProductCount"
from wholesale.categories c
where c.deleted_at is null
order by c.sort_order, c.name;
