-- A page of live, active products in name order, optionally in one category (by id and/or name), with the total.
-- The count reads the partial index alone; the page walks products_public_name / products_public_category in order.
-- The count row is always there, so an out-of-range page still reports the total (with no product columns).
select t.total as "Total", p.id as "Id", p.name as "Name", p.sku as "Sku", p.brand as "Brand", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.unit_size as "UnitSize", p.in_stock as "InStock"
from (
    select count(*) as total
    from wholesale.products p
    where p.deleted_at is null and p.is_active
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@Category::text is null or p.category_id = (select c.id from wholesale.categories c
                                                         where lower(c.name) = lower(@Category::text) and c.deleted_at is null))
) t
left join lateral (
    select p.*
    from wholesale.products p
    where p.deleted_at is null and p.is_active
      and (@CategoryId::bigint is null or p.category_id = @CategoryId::bigint)
      and (@Category::text is null or p.category_id = (select c.id from wholesale.categories c
                                                         where lower(c.name) = lower(@Category::text) and c.deleted_at is null))
    order by p.name, p.id
    limit @Limit offset @Offset
) p on true
order by p.name, p.id;
