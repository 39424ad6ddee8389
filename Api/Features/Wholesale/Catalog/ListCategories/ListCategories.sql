-- Live categories in display order.
select id as "Id", name as "Name", description as "Description"
from wholesale.categories
where deleted_at is null
order by sort_order, name;
